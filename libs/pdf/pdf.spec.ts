import { describe, expect, it } from '@jest/globals';
import { readPdfMetadata, renderPdf } from './index.js';

describe('libs/pdf', () => {
  it('writes a PDF whose metadata reads back, Chinese names included', () => {
    const pdf = renderPdf({
      title: 'Certificate',
      lines: ['Program: solution_provider', '某某科技有限公司'],
      metadata: {
        program: 'solution_provider',
        level: 'leading',
        valid_to: '2027-01-31',
        company: '某某科技有限公司',
      },
      createdAt: new Date('2026-01-31T00:00:00Z'),
    });
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    expect(readPdfMetadata(pdf)).toMatchObject({
      program: 'solution_provider',
      level: 'leading',
      valid_to: '2027-01-31',
      company: '某某科技有限公司',
    });
  });

  it('refuses metadata keys that are not PDF names', () => {
    expect(() =>
      renderPdf({
        title: 't',
        lines: [],
        metadata: { 'bad key': 'x' },
        createdAt: new Date('2026-01-31T00:00:00Z'),
      }),
    ).toThrow(/bad PDF metadata key/);
  });
});

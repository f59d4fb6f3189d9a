import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../../../../libs/errors/index.js';
import { sameCompanyName, validateEntityCodes } from './entity-codes.js';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'no error';
}

describe('entity codes (FAQ 3.1)', () => {
  it('INFO-001 upper-cases the USCC and accepts 18 chars [0-9A-Z]', () => {
    expect(validateEntityCodes({ uscc: '91310117557415205k' }).uscc).toBe('91310117557415205K');
  });

  it('INFO-001 refuses a USCC of 16 chars or with other characters', () => {
    expect(code(() => validateEntityCodes({ uscc: '9131011755741520' }))).toBe('INFO_USCC_INVALID');
    expect(code(() => validateEntityCodes({ uscc: '91310117-57415205K' }))).toBe('INFO_USCC_INVALID');
  });

  it('INFO-002 needs exactly one of USCC and org code; org code is 9 chars', () => {
    expect(code(() => validateEntityCodes({}))).toBe('INFO_ENTITY_CODE_REQUIRED');
    expect(code(() => validateEntityCodes({ uscc: '91310117557415205K', org_code: '777023172' }))).toBe(
      'INFO_ENTITY_CODE_REQUIRED',
    );
    expect(code(() => validateEntityCodes({ org_code: '77702317', tax_code: '110000100000001' }))).toBe(
      'INFO_ORG_CODE_INVALID',
    );
    expect(validateEntityCodes({ org_code: '777023172', tax_code: '110000100000001' })).toEqual({
      uscc: null,
      orgCode: '777023172',
      taxCode: '110000100000001',
    });
  });

  it('INFO-003 tax code defaults to the USCC, is required with an org code, and is 15 or 18 chars', () => {
    expect(validateEntityCodes({ uscc: '91310117557415205K' }).taxCode).toBe('91310117557415205K');
    expect(code(() => validateEntityCodes({ org_code: '777023172' }))).toBe('INFO_TAX_CODE_INVALID');
    expect(code(() => validateEntityCodes({ uscc: '91310117557415205K', tax_code: '1100001' }))).toBe(
      'INFO_TAX_CODE_INVALID',
    );
  });

  it('compares company names ignoring full-/half-width brackets and outer spaces', () => {
    expect(sameCompanyName(' 上海某某(集团)有限公司', '上海某某（集团）有限公司')).toBe(true);
    expect(sameCompanyName('上海某某科技有限公司', '上海某某科技（集团）有限公司')).toBe(false);
  });
});

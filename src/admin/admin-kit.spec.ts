import { describe, expect, it } from '@jest/globals';
import { Decimal } from '../../libs/money/index.js';
import { formFields, hasReviewerRole, moneyParams, reviewerOf } from './admin-kit.js';

describe('admin kit', () => {
  const ops = { id: 'r1', email: 'ops@example.test', roles: ['operations'], flags: [] };

  it('reads the reviewer from the session and drops what is not a reviewer role', () => {
    expect(reviewerOf({ ...ops, roles: ['operations', 'root'] })).toMatchObject({
      id: 'r1',
      title: 'ops@example.test',
      roles: ['operations'],
    });
    expect(reviewerOf({ email: 'x@example.test' })).toBeNull();
    expect(reviewerOf(undefined)).toBeNull();
  });

  it('checks roles like the API guard: admin passes every check', () => {
    expect(hasReviewerRole(ops, ['operations'])).toBe(true);
    expect(hasReviewerRole({ ...ops, roles: ['pdm'] }, ['operations'])).toBe(false);
    expect(hasReviewerRole({ ...ops, roles: ['admin'] }, ['operations'])).toBe(true);
    expect(hasReviewerRole(undefined, ['operations'])).toBe(false);
  });

  it('shows money with its scale, never in exponent notation', () => {
    const params: Record<string, unknown> = { a: new Decimal('1000000.5'), b: '0.00000001', c: null };
    moneyParams(['a', 'b', 'c'])(params);
    expect(params).toEqual({ a: '1000000.50', b: '0.00', c: null });
    const fine: Record<string, unknown> = { b: new Decimal('0.00000001') };
    moneyParams(['b'], 8)(fine);
    expect(fine.b).toBe('0.00000001');
  });

  it('reads panel form fields: key: value lines, key=value pairs separated by ;, other lines ignored', () => {
    expect(
      formFields(
        'Scheduled_At: 2026-01-05T10:00+08:00\nmeeting_link: https://meet.example.test/a;b\nfree text\n' +
          'taxpayer_type=small_scale; ticket_no=T2025-001',
      ),
    ).toEqual({
      scheduled_at: '2026-01-05T10:00+08:00',
      meeting_link: 'https://meet.example.test/a;b',
      taxpayer_type: 'small_scale',
      ticket_no: 'T2025-001',
    });
  });
});

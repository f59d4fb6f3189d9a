import { describe, expect, it } from '@jest/globals';
import { certificateValidity, cycleEnd, isPastValidity, renewedValidTo, validityEnd } from './validity.js';

/** The business time zone the app configures by default (`WorkingDayCalendar.timeZone`). */
const TZ = 'Asia/Shanghai';

describe('PROG-020 validity convention', () => {
  it('PROG-020 approved 2025-06-10 → valid 2025-06-10 … 2026-01-31', () => {
    expect(certificateValidity(new Date('2025-06-10T02:00:00Z'), TZ)).toEqual({
      validFrom: '2025-06-10',
      validTo: '2026-01-31',
    });
  });

  it('PROG-020 approved 2025-12-05 (December rule) → valid to 2027-01-31', () => {
    expect(certificateValidity(new Date('2025-12-05T02:00:00Z'), TZ)).toEqual({
      validFrom: '2025-12-05',
      validTo: '2027-01-31',
    });
  });

  it('PROG-020 January and November issues end on 31 January of the following year', () => {
    expect(certificateValidity(new Date('2025-01-01T00:00:00+08:00'), TZ).validTo).toBe('2026-01-31');
    expect(certificateValidity(new Date('2025-11-30T23:59:59+08:00'), TZ).validTo).toBe('2026-01-31');
  });

  it('PROG-020 the issue date is the Asia/Shanghai date: 2025-11-30T16:30Z is 1 December in Shanghai', () => {
    expect(certificateValidity(new Date('2025-11-30T16:30:00Z'), TZ)).toEqual({
      validFrom: '2025-12-01',
      validTo: '2027-01-31',
    });
    expect(certificateValidity(new Date('2025-12-31T16:30:00Z'), TZ)).toEqual({
      validFrom: '2026-01-01',
      validTo: '2027-01-31',
    });
  });

  it('PROG-020 renewal moves valid_to to 31 January of the next year', () => {
    expect(renewedValidTo('2026-01-31')).toBe('2027-01-31');
    expect(renewedValidTo('2027-01-31')).toBe('2028-01-31');
  });

  it('PROG-020 validity ends at 23:59:59.999 Asia/Shanghai of valid_to (inclusive)', () => {
    expect(validityEnd('2026-01-31', TZ).toISOString()).toBe('2026-01-31T15:59:59.999Z');
    expect(isPastValidity('2026-01-31', new Date('2026-01-31T15:59:59.999Z'), TZ)).toBe(false);
    expect(isPastValidity('2026-01-31', new Date('2026-01-31T16:00:00.000Z'), TZ)).toBe(true);
    expect(cycleEnd(new Date('2026-01-30T18:00:00Z'), TZ)).toBe('2026-01-31');
  });
});

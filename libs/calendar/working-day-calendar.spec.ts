import { describe, expect, it } from '@jest/globals';
import { HOLIDAY_DATA_LAST_YEAR, WorkingDayCalendar } from './working-day-calendar.js';
import { endOfLocalDay, localDate, zonedInstant } from './zoned.js';

describe('WorkingDayCalendar (GLOSSARY convention 5)', () => {
  const cal = new WorkingDayCalendar('Asia/Shanghai');

  it('knows 2025 National Day holidays and the Sunday make-up working day from the holiday package', () => {
    expect(cal.isWorkingDay('2025-10-01')).toBe(false);
    expect(cal.isWorkingDay('2025-10-08')).toBe(false);
    expect(cal.isWorkingDay('2025-09-28')).toBe(true); // Sunday, make-up working day
    expect(cal.isWorkingDay('2025-09-27')).toBe(false); // Saturday
    expect(cal.isWorkingDay('2025-10-09')).toBe(true);
    expect(HOLIDAY_DATA_LAST_YEAR).toBeGreaterThanOrEqual(2025);
  });

  it('J-INFO-3 example: uploaded Fri 2025-09-26 → 5th working day 2025-10-10, overdue after 23:59:59.999+08:00', () => {
    expect(cal.addWorkingDays('2025-09-26', 5)).toBe('2025-10-10');
    const deadline = cal.workingDayDeadline(new Date('2025-09-26T10:00:00+08:00'), 5);
    expect(deadline.toISOString()).toBe('2025-10-10T15:59:59.999Z');
  });

  it('counts backwards for negative n (BEN-047: Mon 2025-07-21, −10 → Mon 2025-07-07) and n = 0 is the day itself', () => {
    expect(cal.addWorkingDays('2025-07-21', -10)).toBe('2025-07-07');
    expect(cal.addWorkingDays('2025-07-21', 0)).toBe('2025-07-21');
  });

  it('evaluates the event day in the business time zone, not UTC', () => {
    // 2025-06-03T17:00Z is already 2025-06-04 01:00 in Shanghai
    expect(cal.localDate(new Date('2025-06-03T17:00:00Z'))).toBe('2025-06-04');
    expect(cal.workingDayDeadline(new Date('2025-06-03T17:00:00Z'), 1).toISOString()).toBe(
      '2025-06-05T15:59:59.999Z',
    );
  });

  it('natural-day deadlines count every day (7 natural days after 2025-03-01 → 2025-03-08 end of day)', () => {
    expect(cal.naturalDayDeadline(new Date('2025-03-01T10:00:00+08:00'), 7).toISOString()).toBe(
      '2025-03-08T15:59:59.999Z',
    );
  });

  it('overrides win over the package: an extra holiday and an extra make-up working day', () => {
    const c = new WorkingDayCalendar('Asia/Shanghai', [
      ['2025-06-04', 'holiday'],
      ['2025-06-07', 'working_day'],
    ]);
    expect(c.isWorkingDay('2025-06-04')).toBe(false);
    expect(c.isWorkingDay('2025-06-07')).toBe(true);
    expect(c.addWorkingDays('2025-06-03', 2)).toBe('2025-06-06');
    expect(c.addWorkingDays('2025-06-03', 3)).toBe('2025-06-07');
    c.setOverride('2025-06-04', null);
    expect(c.isWorkingDay('2025-06-04')).toBe(true);
  });

  it('counts working days between two dates', () => {
    expect(cal.workingDaysBetween('2025-09-26', '2025-10-10')).toBe(5);
  });

  it('zone helpers handle other zones', () => {
    expect(localDate(new Date('2025-01-01T03:00:00Z'), 'America/New_York')).toBe('2024-12-31');
    expect(endOfLocalDay('2025-07-01', 'Europe/Berlin').toISOString()).toBe('2025-07-01T21:59:59.999Z');
    expect(zonedInstant('2025-01-15', 'Europe/Berlin', 12).toISOString()).toBe('2025-01-15T11:00:00.000Z');
  });

  it('rejects malformed dates', () => {
    expect(() => cal.isWorkingDay('2025-02-30')).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2025-13-01', 1)).toThrow(RangeError);
  });
});

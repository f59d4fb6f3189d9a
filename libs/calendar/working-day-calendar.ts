/**
 * The one working-day calendar (DEVELOPERS.md, non-negotiable 4; GLOSSARY convention 5).
 *
 * Working days = the mainland-China calendar: weekends, public holidays and make-up working days (调休),
 * taken from the maintained `chinese-days` package, overridable per date by configuration
 * (`CALENDAR_OVERRIDES`) and by operations in the admin API (`PUT /api/v1/admin/calendar/days/{date}`).
 * Precedence: explicit override → package holiday → package make-up working day → weekday/weekend.
 *
 * "Within N working days of an event": count from the next calendar day after the event (in the business
 * time zone, Asia/Shanghai by default); the deadline is 23:59:59.999 of the N-th working day.
 */
import { createRequire } from 'node:module';
import { endOfLocalDay, localDate, parseDate, shiftDate, weekday } from './zoned.js';

export type DayKind = 'holiday' | 'working_day';

interface HolidayData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const require = createRequire(import.meta.url);
const packageData = require('chinese-days/dist/chinese-days.json') as HolidayData;

/** The last year the holiday package has data for (warn when the calendar runs past it). */
export const HOLIDAY_DATA_LAST_YEAR = Math.max(
  ...Object.keys(packageData.holidays).map((d) => Number(d.slice(0, 4))),
);

export class WorkingDayCalendar {
  private readonly overrides = new Map<string, DayKind>();

  constructor(
    readonly timeZone: string = 'Asia/Shanghai',
    overrides: Iterable<[string, DayKind]> = [],
    private readonly data: HolidayData = packageData,
  ) {
    for (const [d, k] of overrides) this.setOverride(d, k);
  }

  setOverride(date: string, kind: DayKind | null): void {
    parseDate(date);
    if (kind === null) this.overrides.delete(date);
    else this.overrides.set(date, kind);
  }

  replaceOverrides(entries: Iterable<[string, DayKind]>): void {
    this.overrides.clear();
    for (const [d, k] of entries) this.setOverride(d, k);
  }

  overrideOf(date: string): DayKind | undefined {
    return this.overrides.get(date);
  }

  isWorkingDay(date: string): boolean {
    const o = this.overrides.get(date);
    if (o) return o === 'working_day';
    if (this.data.holidays[date]) return false;
    if (this.data.workdays[date]) return true;
    const wd = weekday(date);
    return wd !== 0 && wd !== 6;
  }

  /**
   * n > 0: the n-th working day after `date`; n < 0: the |n|-th working day before `date`;
   * n = 0: `date` itself. `date` is never counted.
   */
  addWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n)) throw new RangeError('n must be an integer');
    if (n === 0) return (parseDate(date), date);
    const step = n > 0 ? 1 : -1;
    let remaining = Math.abs(n);
    let d = date;
    while (remaining > 0) {
      d = shiftDate(d, step);
      if (this.isWorkingDay(d)) remaining--;
    }
    return d;
  }

  addNaturalDays(date: string, n: number): string {
    if (!Number.isInteger(n)) throw new RangeError('n must be an integer');
    return shiftDate(date, n);
  }

  /** The calendar date of an instant in the business time zone. */
  localDate(instant: Date): string {
    return localDate(instant, this.timeZone);
  }

  endOfDay(date: string): Date {
    return endOfLocalDay(date, this.timeZone);
  }

  /** Deadline of "within n working days of `event`": 23:59:59.999 of the n-th working day after its day. */
  workingDayDeadline(event: Date, n: number): Date {
    return this.endOfDay(this.addWorkingDays(this.localDate(event), n));
  }

  /** Deadline of "within n natural days of `event`": 23:59:59.999 of the n-th day after its day. */
  naturalDayDeadline(event: Date, n: number): Date {
    return this.endOfDay(this.addNaturalDays(this.localDate(event), n));
  }

  /** Working days in (from, to]: how many working days have elapsed after `from` up to and including `to`. */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let d = shiftDate(from, 1); d <= to; d = shiftDate(d, 1)) if (this.isWorkingDay(d)) count++;
    return count;
  }
}

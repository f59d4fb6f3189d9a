/**
 * PROG-020 validity convention (certification-paths.md; decision, Open point 8), one pure function for every
 * program (and service / si / lp path) certificate: valid from the approval / acceptance date (in the business
 * time zone) to 31 January of the following year when issued January–November, of the year after next when
 * issued in December. Renewal moves `valid_to` to 31 January of the next year. Dates are `YYYY-MM-DD`, inclusive,
 * ending at 23:59:59.999 in the business time zone.
 */
import { endOfLocalDay, localDate } from '../../../../../libs/calendar/index.js';

export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

export interface Validity {
  validFrom: string;
  validTo: string;
}

/** Validity of a certificate issued at `issuedAt` (e.g. 2025-06-10 → 2026-01-31; 2025-12-05 → 2027-01-31). */
export function certificateValidity(issuedAt: Date, timeZone = BUSINESS_TIME_ZONE): Validity {
  const validFrom = localDate(issuedAt, timeZone);
  const year = Number(validFrom.slice(0, 4));
  const month = Number(validFrom.slice(5, 7));
  const endYear = month === 12 ? year + 2 : year + 1;
  return { validFrom, validTo: `${endYear}-01-31` };
}

/** Renewal: 31 January of the year after `validTo` (2026-01-31 → 2027-01-31). */
export function renewedValidTo(validTo: string): string {
  return `${Number(validTo.slice(0, 4)) + 1}-01-31`;
}

/** The last instant of validity: 23:59:59.999 of `validTo` in the business time zone. */
export function validityEnd(validTo: string, timeZone = BUSINESS_TIME_ZONE): Date {
  return endOfLocalDay(validTo, timeZone);
}

/** `validTo` is inclusive: expired once the business-zone date of `now` is after it. */
export function isPastValidity(validTo: string, now: Date, timeZone = BUSINESS_TIME_ZONE): boolean {
  return now.getTime() > validityEnd(validTo, timeZone).getTime();
}

/** The renewal cycle's 31 January of the business-zone year of `now` (J-PROG-2 renews certificates ending then or earlier). */
export function cycleEnd(now: Date, timeZone = BUSINESS_TIME_ZONE): string {
  return `${localDate(now, timeZone).slice(0, 4)}-01-31`;
}

/**
 * PROG-020 validity convention (certification-paths.md; decision, Open point 8), one pure function for every
 * program (and service / si / lp path) certificate: valid from the approval / acceptance date (in the business
 * time zone) to 31 January of the following year when issued January–November, of the year after next when
 * issued in December. Renewal moves `valid_to` to 31 January of the next year. Dates are `YYYY-MM-DD`, inclusive,
 * ending at 23:59:59.999 in the business time zone — always the `WorkingDayCalendar`'s (`calendar.timeZone`), the one
 * configured source of it.
 */
import { endOfLocalDay, localDate } from '../../../../../libs/calendar/index.js';
import { annualValidTo, nextJanuary31 } from '../../domain/annual-validity.js';

export interface Validity {
  validFrom: string;
  validTo: string;
}

/** Validity of a certificate issued at `issuedAt` (e.g. 2025-06-10 → 2026-01-31; 2025-12-05 → 2027-01-31). */
export function certificateValidity(issuedAt: Date, timeZone: string): Validity {
  const validFrom = localDate(issuedAt, timeZone);
  return { validFrom, validTo: annualValidTo(validFrom) };
}

/** Renewal: 31 January of the year after `validTo` (2026-01-31 → 2027-01-31). */
export function renewedValidTo(validTo: string): string {
  return nextJanuary31(validTo);
}

/** The last instant of validity: 23:59:59.999 of `validTo` in the business time zone. */
export function validityEnd(validTo: string, timeZone: string): Date {
  return endOfLocalDay(validTo, timeZone);
}

/** `validTo` is inclusive: expired once the business-zone date of `now` is after it. */
export function isPastValidity(validTo: string, now: Date, timeZone: string): boolean {
  return now.getTime() > validityEnd(validTo, timeZone).getTime();
}

/** The renewal cycle's 31 January of the business-zone year of `now` (J-PROG-2 renews certificates ending then or earlier). */
export function cycleEnd(now: Date, timeZone: string): string {
  return `${localDate(now, timeZone).slice(0, 4)}-01-31`;
}

/**
 * PROG-020 validity convention, shared by path certificates (service/si/lp) and program certificates (SP,
 * distributor, cloud reseller). Dates are local `YYYY-MM-DD` in the business time zone.
 */

/** Issued January–November → 31 January of the following year; issued in December → of the year after next. */
export function annualValidTo(issuedOn: string): string {
  const year = Number(issuedOn.slice(0, 4));
  const month = Number(issuedOn.slice(5, 7));
  return `${month === 12 ? year + 2 : year + 1}-01-31`;
}

/** 31 January of the year after the date: a renewal (2026-01-31 → 2027-01-31) or J-PATH-4's "next 31 January". */
export function nextJanuary31(date: string): string {
  return `${Number(date.slice(0, 4)) + 1}-01-31`;
}

/**
 * Minimal time-zone arithmetic on top of Intl (no DST assumptions): calendar dates are `YYYY-MM-DD` strings,
 * instants are Date objects in UTC.
 */
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function parseDate(date: string): { y: number; m: number; d: number } {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`not a calendar date: ${date}`);
  }
  return { y, m: mo, d };
}

export function isValidDate(date: string): boolean {
  try {
    parseDate(date);
    return true;
  } catch {
    return false;
  }
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

export function shiftDate(date: string, days: number): string {
  const { y, m, d } = parseDate(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(date: string): number {
  const { y, m, d } = parseDate(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

function parts(instant: Date, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return out;
}

/** Offset of the zone from UTC at that instant, in ms (Asia/Shanghai: +8 h). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const p = parts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - (instant.getTime() - instant.getUTCMilliseconds());
}

/** The calendar date of an instant in the zone. */
export function localDate(instant: Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** The instant of a local wall-clock time in the zone. */
export function zonedInstant(date: string, timeZone: string, h = 0, mi = 0, s = 0, ms = 0): Date {
  const { y, m, d } = parseDate(date);
  const guess = Date.UTC(y, m - 1, d, h, mi, s, ms);
  let offset = zoneOffsetMs(new Date(guess), timeZone);
  let t = guess - offset;
  const offset2 = zoneOffsetMs(new Date(t), timeZone);
  if (offset2 !== offset) {
    offset = offset2;
    t = guess - offset;
  }
  return new Date(t);
}

/** 23:59:59.999 of the date in the zone. */
export function endOfLocalDay(date: string, timeZone: string): Date {
  return zonedInstant(date, timeZone, 23, 59, 59, 999);
}

/**
 * `date` plus `months` calendar months (negative: minus), the day clamped to the last day of the target month:
 * 2025-07-02 + 1 → 2025-08-02, 2025-01-31 + 1 → 2025-02-28, 2024-02-29 + 12 → 2025-02-28 (build.md "Shared
 * conventions", "within N months after D").
 */
export function addMonths(date: string, months: number): string {
  const { y, m, d } = parseDate(date);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12 + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return `${pad(ty, 4)}-${pad(tm)}-${pad(Math.min(d, last))}`;
}

/**
 * "valid N months from D" (build.md "Shared conventions"): the inclusive `valid_until` = `addMonths(D, N) − 1 day`,
 * a target day that does not exist rolling to the 1st of the following month first — so it is then the last day of
 * the target month: 2025-03-15 + 12 → 2026-03-14; 2024-02-29 + 12 → 2025-02-28; 2024-01-31 + 1 → 2024-02-29.
 */
export function validUntilAfterMonths(from: string, months: number): string {
  const target = addMonths(from, months);
  return parseDate(target).d === parseDate(from).d ? shiftDate(target, -1) : target;
}

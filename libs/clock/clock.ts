/**
 * The one source of "now". Services never call `new Date()`; they ask the Clock (DEVELOPERS.md, non-negotiable 4).
 * Production binds SystemClock; tests and `TEST_HOOKS=true` bind TravellingClock, which can be frozen at an instant
 * and advanced, so deadlines, token expiry and throttling windows are tested by travel, never by sleeping.
 */
export abstract class Clock {
  abstract now(): Date;
  nowMs(): number {
    return this.now().getTime();
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date(Date.now());
  }
}

/**
 * Follows the system time until `set()` freezes it at an instant; `advance()` moves a frozen clock forward
 * (or shifts a running one). `reset()` returns to the system time.
 */
export class TravellingClock extends Clock {
  private frozenAt: number | null = null;
  private offsetMs = 0;

  now(): Date {
    return new Date(this.frozenAt ?? Date.now() + this.offsetMs);
  }

  set(instant: Date): void {
    if (Number.isNaN(instant.getTime())) throw new RangeError('invalid instant');
    this.frozenAt = instant.getTime();
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError('invalid duration');
    if (this.frozenAt !== null) this.frozenAt += ms;
    else this.offsetMs += ms;
  }

  reset(): void {
    this.frozenAt = null;
    this.offsetMs = 0;
  }

  get frozen(): boolean {
    return this.frozenAt !== null;
  }
}

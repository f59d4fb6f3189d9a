/**
 * API-013 throttling: per (token subject, operation) at most `limit` accepted calls in any sliding 1,000 ms
 * window of the injected Clock; refused calls get 429 `APIG.0308` with `Retry-After: 2` and do not count.
 * The operation is the method + route template. Limits are configurable per operation by operations.
 */
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../clock/index.js';
import { DomainError } from '../errors/index.js';
import { SlidingWindowLimiter } from './sliding-window.js';

export const THROTTLE_DEFAULT_LIMIT = Symbol('THROTTLE_DEFAULT_LIMIT');

@Injectable()
export class ThrottleService {
  private readonly limiter = new SlidingWindowLimiter(1000);
  private readonly perOperation = new Map<string, number>();

  constructor(
    @Inject(Clock) private readonly clock: Clock,
    @Inject(THROTTLE_DEFAULT_LIMIT) private readonly defaultLimit: number,
  ) {}

  limitFor(operation: string): number {
    return this.perOperation.get(operation) ?? this.defaultLimit;
  }

  setLimit(operation: string, limit: number | null): void {
    if (limit === null) this.perOperation.delete(operation);
    else this.perOperation.set(operation, limit);
  }

  policies(): Array<{ operation: string; limit_per_second: number }> {
    return [...this.perOperation].map(([operation, limit]) => ({ operation, limit_per_second: limit }));
  }

  check(subject: string, operation: string): void {
    const limit = this.limitFor(operation);
    const wait = this.limiter.tryHit(`${subject}|${operation}`, limit, this.clock.nowMs());
    if (wait > 0) {
      const err = new DomainError(
        'APIG.0308',
        `The throttling threshold has been reached: policy user over ratelimit,limit:${limit},time:1 second`,
      );
      err.headers = { 'Retry-After': '2' };
      throw err;
    }
  }

  reset(): void {
    this.limiter.clear();
  }
}

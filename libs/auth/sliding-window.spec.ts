/**
 * API-013's window with the formula's numbers (api.md "Formulas and worked examples"): at most
 * `limit_per_second` accepted calls in `(now − 1,000 ms, now]`; refused calls do not count; a separate
 * counter per (subject, operation). Pure code: no clock but the numbers given.
 */
import { describe, expect, it } from '@jest/globals';
import { TravellingClock } from '../clock/index.js';
import { DomainError } from '../errors/index.js';
import { SlidingWindowLimiter } from './sliding-window.js';
import { ThrottleService } from './throttle.service.js';

describe('SlidingWindowLimiter (API-013 formula)', () => {
  it('limit 2: t=0, 100 accepted; 200 refused (900 ms until a slot frees); 1000 accepted; 1050 refused', () => {
    const w = new SlidingWindowLimiter(1000);
    expect(w.tryHit('balances', 2, 0)).toBe(0);
    expect(w.tryHit('balances', 2, 100)).toBe(0);
    expect(w.tryHit('balances', 2, 200)).toBe(800);
    expect(w.tryHit('balances', 2, 1000)).toBe(0);
    expect(w.tryHit('balances', 2, 1050)).toBe(50);
    // refused calls did not count: at 1100 the window (100, 1100] holds only t=1000
    expect(w.count('balances', 1100)).toBe(1);
    expect(w.tryHit('balances', 2, 1100)).toBe(0);
  });

  it('another operation has its own counter ("query customers" at t=200 → accepted)', () => {
    const w = new SlidingWindowLimiter(1000);
    w.tryHit('balances', 2, 0);
    w.tryHit('balances', 2, 100);
    expect(w.tryHit('balances', 2, 200)).toBeGreaterThan(0);
    expect(w.tryHit('customers', 2, 200)).toBe(0);
  });

  it('the window is half-open: a call exactly 1,000 ms old has left it', () => {
    const w = new SlidingWindowLimiter(1000);
    expect(w.tryHit('k', 1, 5000)).toBe(0);
    expect(w.tryHit('k', 1, 5999)).toBe(1);
    expect(w.tryHit('k', 1, 6000)).toBe(0);
  });

  it('idle keys are swept: the map does not grow with every subject ever seen', () => {
    const w = new SlidingWindowLimiter(1000, 100);
    for (let i = 0; i < 99; i++) w.tryHit(`subject-${i}|GET /x`, 10, i);
    expect(w.size).toBe(99);
    w.tryHit('late|GET /x', 10, 5000);
    expect(w.size).toBe(1);
  });

  it('record/count/oldest/clear serve the login-failure counter', () => {
    const w = new SlidingWindowLimiter(15 * 60_000);
    w.record('login:a', 0);
    w.record('login:a', 60_000);
    expect(w.count('login:a', 60_000)).toBe(2);
    expect(w.oldest('login:a', 60_000)).toBe(0);
    expect(w.count('login:a', 15 * 60_000)).toBe(1);
    w.clear('login:a');
    expect(w.count('login:a', 15 * 60_000)).toBe(0);
    expect(w.oldest('login:a', 0)).toBeUndefined();
  });
});

describe('ThrottleService', () => {
  const refusal = (fn: () => void): DomainError | null => {
    try {
      fn();
      return null;
    } catch (err) {
      return err as DomainError;
    }
  };

  it('refuses with 429 APIG.0308, the limit in the message and Retry-After: 2, on the injected clock', () => {
    const clock = new TravellingClock();
    clock.set(new Date('2025-03-03T02:00:00.000Z'));
    const throttle = new ThrottleService(clock, 10);
    throttle.setLimit('GET /api/v1/accounts/partner-accounts/balances', 2);
    const call = () => throttle.check('partner:p1', 'GET /api/v1/accounts/partner-accounts/balances');
    expect(refusal(call)).toBeNull();
    clock.advance(100);
    expect(refusal(call)).toBeNull();
    clock.advance(100);
    const err = refusal(call);
    expect(err).toBeInstanceOf(DomainError);
    expect(err!.code).toBe('APIG.0308');
    expect(err!.status).toBe(429);
    expect(err!.message).toBe(
      'The throttling threshold has been reached: policy user over ratelimit,limit:2,time:1 second',
    );
    expect(err!.headers).toEqual({ 'Retry-After': '2' });
    expect(
      refusal(() => throttle.check('partner:p2', 'GET /api/v1/accounts/partner-accounts/balances')),
    ).toBeNull();
    clock.advance(800);
    expect(refusal(call)).toBeNull();
  });

  it('falls back to the default limit; setLimit(null) restores it; policies() lists the configured ones', () => {
    const clock = new TravellingClock();
    clock.set(new Date(0));
    const throttle = new ThrottleService(clock, 3);
    expect(throttle.limitFor('GET /x')).toBe(3);
    throttle.setLimit('GET /x', 1);
    expect(throttle.policies()).toEqual([{ operation: 'GET /x', limit_per_second: 1 }]);
    throttle.setLimit('GET /x', null);
    expect(throttle.limitFor('GET /x')).toBe(3);
    expect(throttle.policies()).toEqual([]);
    for (let i = 0; i < 3; i++) throttle.check('s', 'GET /x');
    expect(refusal(() => throttle.check('s', 'GET /x'))?.message).toContain('limit:3,time:1 second');
    throttle.reset();
    expect(refusal(() => throttle.check('s', 'GET /x'))).toBeNull();
  });
});

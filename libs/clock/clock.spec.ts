import { describe, expect, it } from '@jest/globals';
import { SystemClock, TravellingClock } from './clock.js';

describe('Clock', () => {
  it('system clock follows real time', () => {
    const c = new SystemClock();
    const before = Date.now();
    const n = c.nowMs();
    expect(n).toBeGreaterThanOrEqual(before);
  });

  it('travelling clock freezes and advances', () => {
    const c = new TravellingClock();
    c.set(new Date('2025-03-01T02:00:00Z'));
    expect(c.now().toISOString()).toBe('2025-03-01T02:00:00.000Z');
    expect(c.now().toISOString()).toBe('2025-03-01T02:00:00.000Z');
    c.advance(1100);
    expect(c.now().toISOString()).toBe('2025-03-01T02:00:01.100Z');
    expect(c.frozen).toBe(true);
    c.reset();
    expect(c.frozen).toBe(false);
    expect(Math.abs(c.nowMs() - Date.now())).toBeLessThan(1000);
  });

  it('rejects an invalid instant', () => {
    expect(() => new TravellingClock().set(new Date('nope'))).toThrow(RangeError);
  });
});

/**
 * In-memory sliding-window counter on the injected Clock (api.md "Rate limiter" port, single-instance adapter).
 * `hit()` counts only accepted calls; refused calls do not count (API-013).
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();
  private writes = 0;

  constructor(
    private readonly windowMs: number,
    /** every this many writes, keys whose window has emptied are dropped (idle subjects do not pile up) */
    private readonly sweepEvery = 10_000,
  ) {}

  /** Number of keys currently holding events (for tests and monitoring). */
  get size(): number {
    return this.hits.size;
  }

  /** Returns 0 when accepted, otherwise the ms until a slot frees. */
  tryHit(key: string, limit: number, nowMs: number): number {
    this.maybeSweep(nowMs);
    const list = this.prune(key, nowMs);
    if (list.length >= limit) return list[0] + this.windowMs - nowMs;
    list.push(nowMs);
    this.hits.set(key, list);
    return 0;
  }

  /** Records an event without a limit check (e.g. a failed login). */
  record(key: string, nowMs: number): void {
    this.maybeSweep(nowMs);
    const list = this.prune(key, nowMs);
    list.push(nowMs);
    this.hits.set(key, list);
  }

  count(key: string, nowMs: number): number {
    return this.prune(key, nowMs).length;
  }

  oldest(key: string, nowMs: number): number | undefined {
    return this.prune(key, nowMs)[0];
  }

  clear(key?: string): void {
    if (key === undefined) this.hits.clear();
    else this.hits.delete(key);
  }

  /** Drops every key whose events have all left the window. */
  sweep(nowMs: number): void {
    for (const key of [...this.hits.keys()]) this.prune(key, nowMs);
  }

  private maybeSweep(nowMs: number): void {
    if (++this.writes < this.sweepEvery) return;
    this.writes = 0;
    this.sweep(nowMs);
  }

  private prune(key: string, nowMs: number): number[] {
    // window (now − windowMs, now]: an entry exactly windowMs old has left the window
    const list = (this.hits.get(key) ?? []).filter((t) => t > nowMs - this.windowMs && t <= nowMs);
    if (list.length) this.hits.set(key, list);
    else this.hits.delete(key);
    return list;
  }
}

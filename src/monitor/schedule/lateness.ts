/**
 * How late checks start against their due time, in 1 ms buckets up to a minute (and the exact
 * maximum): constant memory whatever the number of checks, exact enough for a p99 of milliseconds.
 */
const BUCKETS = 60_000;

export class Lateness {
  private readonly counts = new Uint32Array(BUCKETS + 1);
  private total = 0;
  private maxMs = 0;

  record(ms: number): void {
    const v = Math.max(0, ms);
    this.counts[Math.min(BUCKETS, Math.floor(v))]++;
    this.total++;
    if (v > this.maxMs) this.maxMs = v;
  }

  get count(): number {
    return this.total;
  }

  get max(): number {
    return this.maxMs;
  }

  /** The smallest bucket bound below which `q` (0–1) of the samples fall. */
  quantile(q: number): number {
    if (this.total === 0) return 0;
    const rank = Math.ceil(q * this.total);
    let seen = 0;
    for (let i = 0; i <= BUCKETS; i++) {
      seen += this.counts[i];
      if (seen >= rank) return Math.min(i + 1, this.maxMs);
    }
    return this.maxMs;
  }

  reset(): void {
    this.counts.fill(0);
    this.total = 0;
    this.maxMs = 0;
  }
}

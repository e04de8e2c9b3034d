/** The last 20 latencies of a monitor, for `p50`/`p95`/`p99` in conditions (nearest rank). */
const SIZE = 20;

export class LatencyWindow {
  private readonly values: number[] = [];

  push(ms: number): void {
    this.values.push(ms);
    if (this.values.length > SIZE) this.values.shift();
  }

  quantile(q: number): number | undefined {
    if (this.values.length === 0) return undefined;
    const sorted = [...this.values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  }
}

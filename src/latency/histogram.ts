/**
 * Latency histograms: HdrHistogram at microsecond resolution (3 significant digits, so a reported
 * percentile is within 0.1 % of the true one), in the pure-JS build: for the few thousand values
 * a second a bench records, crossing into WebAssembly costs more than it saves.
 */
import * as hdr from 'hdr-histogram-js';

/** Percentiles and extremes of one histogram, in milliseconds (microsecond precision). */
export interface LatencySummary {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
}

/** An hour in microseconds: beyond it a value is clamped, never dropped. */
const HIGHEST_US = 3_600_000_000;

const toMs = (us: number) => Math.round(us) / 1000;

export class LatencyHistogram {
  private readonly hist = hdr.build({ useWebAssembly: false, lowestDiscernibleValue: 1, highestTrackableValue: HIGHEST_US, numberOfSignificantValueDigits: 3 });

  get count(): number {
    return this.hist.totalCount;
  }

  /** Records a duration in milliseconds; anything under a microsecond counts as one. */
  record(ms: number): void {
    this.hist.recordValue(Math.min(HIGHEST_US, Math.max(1, Math.round(ms * 1000))));
  }

  /** Adds every value of `other` (e.g. an interval's histogram into the run's). */
  add(other: LatencyHistogram): void {
    this.hist.add(other.hist);
  }

  reset(): void {
    this.hist.reset();
  }

  /** The value at a percentile (0–100), in milliseconds; 0 when empty. */
  percentile(p: number): number {
    return this.count === 0 ? 0 : toMs(this.hist.getValueAtPercentile(p));
  }

  summary(): LatencySummary {
    if (this.count === 0) return { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0 };
    const at = (p: number) => toMs(this.hist.getValueAtPercentile(p));
    return {
      count: this.count,
      min: toMs(this.hist.minNonZeroValue),
      mean: toMs(this.hist.mean),
      p50: at(50),
      p90: at(90),
      p95: at(95),
      p99: at(99),
      p999: at(99.9),
      max: toMs(this.hist.maxValue),
    };
  }

  /** Frees the counts array; the histogram must not be used afterwards. */
  destroy(): void {
    this.hist.destroy();
  }
}

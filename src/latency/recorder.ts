/** Accumulates one run's outcomes into histograms and counts, cheaply enough to sit on the hot path. */
import { LatencyHistogram, type LatencySummary } from './histogram.js';
import type { ErrorKind, SendAccounting, ServerTimingComponent } from './result.js';
import { parseServerTiming } from './server-timing.js';

/** How one request ended. Times are on the load model's clock, in milliseconds. */
export interface Outcome {
  /** The intended send time (open model) or the actual one (closed model). */
  startAt: number;
  headersAt?: number;
  endAt: number;
  status?: number;
  serverTiming?: string | string[];
  error?: { kind: ErrorKind; message: string };
}

/** A send is "late" past this: timers are only accurate to about a millisecond. */
export const LATE_THRESHOLD_MS = 2;
const MAX_ERROR_SAMPLES = 5;

export interface RecorderTotals {
  requests: number;
  errors: number;
  errorKinds: Partial<Record<ErrorKind, number>>;
  errorSamples: string[];
  statusCounts: Record<string, number>;
  ttfb: LatencySummary;
  total: LatencySummary;
  serverTiming: ServerTimingComponent[];
  sends: SendAccounting;
  firstStartAt: number | undefined;
  lastEndAt: number | undefined;
}

export class RunRecorder {
  private readonly ttfb = new LatencyHistogram();
  private readonly total = new LatencyHistogram();
  /** Totals since the last `takeInterval()`: the live "current p95". */
  private readonly interval = new LatencyHistogram();
  private readonly lateness = new LatencyHistogram();
  private readonly components = new Map<string, LatencyHistogram>();
  private readonly statusCounts: Record<string, number> = {};
  private readonly errorKinds: Partial<Record<ErrorKind, number>> = {};
  private readonly errorSamples = new Set<string>();
  private late = 0;
  private maxLate = 0;
  private dropped = 0;
  private ended = 0;
  private errors = 0;
  private firstStartAt: number | undefined;
  private lastEndAt: number | undefined;

  get requests(): number {
    return this.ended;
  }

  get errorCount(): number {
    return this.errors;
  }

  record(o: Outcome): void {
    this.ended++;
    if (this.firstStartAt === undefined || o.startAt < this.firstStartAt) this.firstStartAt = o.startAt;
    if (this.lastEndAt === undefined || o.endAt > this.lastEndAt) this.lastEndAt = o.endAt;
    if (o.status !== undefined) {
      this.statusCounts[o.status] = (this.statusCounts[o.status] ?? 0) + 1;
      if (o.headersAt !== undefined) this.ttfb.record(o.headersAt - o.startAt);
      if (!o.error) {
        this.interval.record(o.endAt - o.startAt);
        if (o.serverTiming !== undefined) this.recordServerTiming(o.serverTiming);
      }
    }
    if (o.error?.kind === 'timeout') {
      // Timed at the moment it was given up, a lower bound: left out, a stall longer than the
      // timeout would vanish from the percentiles and a p95 budget could pass on the fast rest.
      if (o.headersAt === undefined) this.ttfb.record(o.endAt - o.startAt);
      this.interval.record(o.endAt - o.startAt);
    }
    const kind = o.error?.kind ?? (o.status !== undefined && o.status >= 500 ? '5xx' : o.status !== undefined && o.status >= 400 ? '4xx' : undefined);
    if (kind) {
      this.errors++;
      this.errorKinds[kind] = (this.errorKinds[kind] ?? 0) + 1;
      if (this.errorSamples.size < MAX_ERROR_SAMPLES) this.errorSamples.add(o.error?.message ?? `HTTP ${o.status}`);
    }
  }

  /** How late a send left; recorded for every open-model send. */
  sendDelay(lateMs: number): void {
    this.lateness.record(lateMs);
    if (lateMs > LATE_THRESHOLD_MS) this.late++;
    if (lateMs > this.maxLate) this.maxLate = lateMs;
  }

  /** A send skipped because the in-flight cap was full: counted as a failed request. */
  drop(at: number): void {
    this.dropped++;
    this.record({ startAt: at, endAt: at, error: { kind: 'dropped', message: 'not sent: too many requests still in flight' } });
  }

  /** p95 of what ended since the last call (0 when nothing did), folded into the run's totals. */
  takeInterval(): { count: number; p95: number } {
    const snapshot = { count: this.interval.count, p95: this.interval.percentile(95) };
    this.total.add(this.interval);
    this.interval.reset();
    return snapshot;
  }

  totals(): RecorderTotals {
    this.takeInterval();
    return {
      requests: this.ended,
      errors: this.errors,
      errorKinds: { ...this.errorKinds },
      errorSamples: [...this.errorSamples],
      statusCounts: { ...this.statusCounts },
      ttfb: this.ttfb.summary(),
      total: this.total.summary(),
      serverTiming: [...this.components].map(([name, h]) => ({ name, count: h.count, p50: h.percentile(50), p95: h.percentile(95) })),
      sends: { late: this.late, lateThresholdMs: LATE_THRESHOLD_MS, p99LateMs: this.lateness.percentile(99), maxLateMs: Math.round(this.maxLate * 1000) / 1000, dropped: this.dropped },
      firstStartAt: this.firstStartAt,
      lastEndAt: this.lastEndAt,
    };
  }

  private recordServerTiming(header: string | string[]): void {
    for (const m of parseServerTiming(header)) {
      let h = this.components.get(m.name);
      if (!h) this.components.set(m.name, (h = new LatencyHistogram()));
      h.record(m.durMs);
    }
  }
}

/**
 * The auditor's own event-loop stalls during a bench, and whether they alone explain a failed
 * budget. The calm wait (calm.ts) only picks a quiet moment to start; the audit's other collectors
 * (TLS probes, crawls, secret scans, the chatbot eval) can still hold the loop for a few hundred
 * milliseconds mid-run, and every request in flight then looks that much slower. A stall can only
 * have added to a request what overlaps its lifetime, so taking that off gives a lower bound of
 * the target's own latency: if the budget holds on those, the failure may be ours, not the target's.
 */
import { LatencyHistogram } from '../histogram.js';
import type { Outcome } from '../recorder.js';
import type { TargetRun } from '../result.js';
import { evaluateThresholds } from '../thresholds.js';

/** A stall: the loop was held from `from` to `to` (performance.now() milliseconds). */
export type Stall = readonly [from: number, to: number];

const TICK_MS = 10;
/** Lateness below this is timer granularity, not a stall. */
const NOISE_MS = 2;

/** Watches this process's event loop with a 10 ms timer; each late tick is a stall. */
export class StallMeter {
  readonly stalls: Stall[] = [];
  private timer: NodeJS.Timeout | undefined;

  start(): void {
    let due = performance.now() + TICK_MS;
    this.timer = setInterval(() => {
      const now = performance.now();
      if (now - due > NOISE_MS) this.stalls.push([due, now]);
      due = now + TICK_MS;
    }, TICK_MS);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** Milliseconds of stall between `from` and `to`. */
export function stalledWithin(stalls: readonly Stall[], from: number, to: number): number {
  let ms = 0;
  for (const [a, b] of stalls) ms += Math.max(0, Math.min(b, to) - Math.max(a, from));
  return ms;
}

/**
 * Whether every failed latency budget of `run` holds once each request's time is reduced by the
 * stalls during it. Requests are counted as the run's histogram counts them: answered without a
 * network error, or timed out.
 */
export function failureExplainedByStalls(run: TargetRun, outcomes: readonly Outcome[], stalls: readonly Stall[]): boolean {
  const failed = run.thresholds.filter((t) => !t.pass && t.value !== null && t.threshold.metric !== 'errorRate').map((t) => t.threshold);
  if (failed.length === 0 || stalls.length === 0) return false;
  const corrected = new LatencyHistogram();
  try {
    for (const o of outcomes) {
      if ((o.status === undefined || o.error) && o.error?.kind !== 'timeout') continue;
      corrected.record(o.endAt - o.startAt - stalledWithin(stalls, o.startAt, o.endAt));
    }
    return evaluateThresholds(failed, { total: corrected.summary(), errorRatePercent: run.errorRatePercent }).every((r) => r.pass);
  } finally {
    corrected.destroy();
  }
}

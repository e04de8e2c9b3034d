/**
 * The open load model: requests arrive on a fixed schedule whatever the server does, and each
 * one's latency is measured from its *intended* send time. A closed loop that waits for a reply
 * before sending the next request stops sending while the server stalls, so the stall hides in a
 * handful of slow samples ("coordinated omission", Gil Tene; wrk2 fixes it the same way).
 */
import type { Clock } from './clock.js';

export interface OpenModelOptions {
  clock: Clock;
  ratePerSecond: number;
  durationMs: number;
  /** Requests never exceed this, whatever rate × duration says (cost cap). */
  maxRequests: number;
  /** Sends beyond this many outstanding requests are dropped and counted, not queued without bound. */
  maxInFlight: number;
  /** Starts request `index`; latency counts from `intendedAt`; `done` is called once it ends. */
  send(index: number, intendedAt: number, done: () => void): void;
  /** A send went out `lateMs` after its intended time (the generator, not the server, was slow). */
  onLate(lateMs: number): void;
  /** A send was skipped because `maxInFlight` requests were outstanding at its intended time. */
  onDropped(intendedAt: number): void;
  signal?: AbortSignal;
}

/** How many requests the schedule holds: one every 1/rate seconds, starting at 0, strictly inside the duration. */
export function scheduledCount(ratePerSecond: number, durationMs: number, maxRequests: number): number {
  return Math.min(maxRequests, Math.ceil((durationMs * ratePerSecond) / 1000));
}

/** Intended send time of request `index`, relative to the start. Computed, not accumulated, so it never drifts. */
export function intendedOffset(index: number, ratePerSecond: number): number {
  return (index * 1000) / ratePerSecond;
}

/**
 * Runs the schedule: sleeps until the next request is due, then sends every request due by now
 * (a late timer sends its backlog at once, each still timed from its own intended time). Resolves
 * when every sent request has ended.
 */
export async function runOpenModel(o: OpenModelOptions): Promise<{ startedAt: number; scheduled: number }> {
  const total = scheduledCount(o.ratePerSecond, o.durationMs, o.maxRequests);
  const startedAt = o.clock.now();
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const done = () => {
    inFlight--;
    if (inFlight === 0) drained?.();
  };
  let index = 0;
  while (index < total && !o.signal?.aborted) {
    const due = startedAt + intendedOffset(index, o.ratePerSecond);
    if (o.clock.now() < due) await o.clock.sleepUntil(due);
    const now = o.clock.now();
    for (; index < total && startedAt + intendedOffset(index, o.ratePerSecond) <= now && !o.signal?.aborted; index++) {
      const intendedAt = startedAt + intendedOffset(index, o.ratePerSecond);
      o.onLate(now - intendedAt);
      if (inFlight >= o.maxInFlight) {
        o.onDropped(intendedAt);
        continue;
      }
      inFlight++;
      o.send(index, intendedAt, done);
    }
  }
  if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
  return { startedAt, scheduled: index };
}

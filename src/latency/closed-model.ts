/**
 * The closed load model: N virtual users, each sending its next request as soon as the previous
 * one ends. It measures throughput; its latencies hide stalls (a stalled user sends nothing), so
 * percentiles come from the open model.
 */
import type { Clock } from './clock.js';

export interface ClosedModelOptions {
  clock: Clock;
  users: number;
  durationMs: number;
  maxRequests: number;
  /** Starts request `index`, timed from `startedAt`; `done` is called once it ends. */
  send(index: number, startedAt: number, done: () => void): void;
  signal?: AbortSignal;
}

/** Resolves when every user has stopped: the duration is over, the cap is reached, or the signal fired. */
export function runClosedModel(o: ClosedModelOptions): Promise<{ startedAt: number; sent: number }> {
  const startedAt = o.clock.now();
  const endAt = startedAt + o.durationMs;
  let sent = 0;
  let running = o.users;
  return new Promise((resolve) => {
    const next = () => {
      const now = o.clock.now();
      if (now >= endAt || sent >= o.maxRequests || o.signal?.aborted) {
        if (--running === 0) resolve({ startedAt, sent });
        return;
      }
      o.send(sent++, now, next);
    };
    for (let u = 0; u < o.users; u++) next();
  });
}

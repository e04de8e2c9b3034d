/**
 * Time as the monitor sees it. Everything that waits or stamps a time (scheduler, re-checks,
 * outbox back-off, write batches, retention) goes through a Clock, so tests can run a day of
 * monitoring in seconds with a manual one (test/monitor/manual-clock.ts).
 */

export type TimerHandle = { readonly id: number } | NodeJS.Timeout;

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `fn` once after `ms`. */
  setTimer(fn: () => void, ms: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => setTimeout(fn, Math.max(0, ms)),
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

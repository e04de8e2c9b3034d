/** The time source of the load models; tests pass a fake one so schedules are checked without real waiting. */
export interface Clock {
  /** Milliseconds on a monotonic clock (fractional). */
  now(): number;
  /** Resolves at or after `at`, on the same time base as now(). */
  sleepUntil(at: number): Promise<void>;
}

/** Below this much time left, a sleep polls instead of trusting a timer: libuv timers tick in whole milliseconds. */
const SPIN_MS = 1;

/**
 * Sleeps on a timer until about a millisecond before `at`, then polls with setImmediate (which
 * still lets I/O callbacks run between polls), so sends leave within microseconds of their
 * intended time instead of up to a millisecond or two later.
 */
function sleepUntil(at: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const left = at - performance.now();
      if (left <= 0) resolve();
      else if (left > SPIN_MS) setTimeout(check, left - SPIN_MS);
      else setImmediate(check);
    };
    check();
  });
}

export const systemClock: Clock = { now: () => performance.now(), sleepUntil };

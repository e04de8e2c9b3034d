/**
 * A clock that moves only when told. `advance` fires due timers in time order and, after each,
 * waits for the work it started (`settle`, e.g. checks against real loopback servers), so a
 * re-check scheduled by a check's result still fires at its proper simulated time.
 */
import type { Clock, TimerHandle } from '../../src/monitor/clock.js';

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

export class ManualClock implements Clock {
  private time: number;
  private seq = 0;
  private readonly timers = new Map<number, Timer>();
  /** Awaited after each timer fires. */
  settle: () => Promise<void> = async () => undefined;

  constructor(start: number | Date = Date.UTC(2026, 0, 5, 0, 0, 0)) {
    this.time = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.time;
  }

  setTimer(fn: () => void, ms: number): TimerHandle {
    const timer = { id: ++this.seq, at: this.time + Math.max(0, ms), fn };
    this.timers.set(timer.id, timer);
    return { id: timer.id };
  }

  clearTimer(handle: TimerHandle): void {
    this.timers.delete((handle as { id: number }).id);
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  async advance(ms: number): Promise<void> {
    const until = this.time + ms;
    for (;;) {
      let next: Timer | undefined;
      for (const t of this.timers.values()) if (t.at <= until && (!next || t.at < next.at || (t.at === next.at && t.id < next.id))) next = t;
      if (!next) break;
      this.timers.delete(next.id);
      this.time = Math.max(this.time, next.at);
      next.fn();
      await this.settle();
    }
    this.time = until;
    await this.settle();
  }

  /** Advances in steps, e.g. to let write batches and outbox retries interleave realistically. */
  async run(ms: number, step = 1000): Promise<void> {
    for (let done = 0; done < ms; done += step) await this.advance(Math.min(step, ms - done));
  }
}

/** A deterministic Clock for the load models: time moves only when a sleeper is woken, by exactly what it asked for plus a chosen overshoot. */
import type { Clock } from '../../src/latency/clock.js';

export class FakeClock implements Clock {
  private time = 0;
  /** Milliseconds a sleep oversleeps, per call (a busy event loop). */
  overshoot: (call: number) => number = () => 0;
  private calls = 0;

  now(): number {
    return this.time;
  }

  advance(ms: number): void {
    this.time += ms;
  }

  async sleepUntil(at: number): Promise<void> {
    await Promise.resolve();
    this.time = Math.max(this.time, at) + this.overshoot(this.calls++);
  }
}

/**
 * Fixed-rate scheduling (issue 7 §1): each monitor is due at phase + k·interval, so a slow check
 * never pushes the next one later, and phases are spread evenly over the interval so a thousand
 * monitors never burst together at boot or at the top of the minute. The first check of every
 * monitor falls within one interval of being added. Checks run with bounded concurrency; a check
 * still running (or queued) when its next turn comes skips that turn instead of piling up.
 * One timer is armed, for the earliest due time.
 */
import type { Clock, TimerHandle } from '../clock.js';
import { Lateness } from './lateness.js';
import { MinHeap } from './min-heap.js';

export type RunReason = 'scheduled' | 'recheck';

/** Runs one check; must not reject (the runner turns every failure into a result). */
export type RunCheck = (id: string, dueAt: number, reason: RunReason) => Promise<void>;

interface Job {
  intervalMs: number;
  /** Bumped when the job is removed or re-added, so its stale heap entries are ignored. */
  generation: number;
  next: number;
  /** Queued or running: another turn is skipped meanwhile. */
  busy: boolean;
}

interface Entry {
  at: number;
  id: string;
  reason: RunReason;
  generation: number;
  seq: number;
}

export interface SchedulerStats {
  started: number;
  skipped: number;
  running: number;
  queued: number;
  lateness: Lateness;
}

export class Scheduler {
  private readonly jobs = new Map<string, Job>();
  private readonly heap = new MinHeap<Entry>((a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq));
  private readonly ready: Entry[] = [];
  private readyHead = 0;
  private seq = 0;
  private generations = 0;
  private timer: TimerHandle | undefined;
  private armedAt = Infinity;
  private running = 0;
  private stopped = false;
  private idleWaiters: Array<() => void> = [];
  readonly stats: SchedulerStats = { started: 0, skipped: 0, running: 0, queued: 0, lateness: new Lateness() };

  constructor(
    private readonly clock: Clock,
    private readonly concurrency: number,
    private readonly runCheck: RunCheck,
  ) {}

  get size(): number {
    return this.jobs.size;
  }

  has(id: string): boolean {
    return this.jobs.has(id);
  }

  /** Adds many monitors at once, each interval's monitors spread evenly over it, starting from now. */
  addAll(items: ReadonlyArray<{ id: string; intervalMs: number }>): void {
    const now = this.clock.now();
    const byInterval = new Map<number, string[]>();
    for (const { id, intervalMs } of items) byInterval.set(intervalMs, [...(byInterval.get(intervalMs) ?? []), id]);
    for (const [intervalMs, ids] of byInterval) {
      ids.forEach((id, k) => this.place(id, intervalMs, now + Math.floor(((k + 0.5) * intervalMs) / ids.length)));
    }
    this.arm();
  }

  /**
   * Adds one monitor (a reload, the API) in the middle of the widest gap between the phases of the
   * monitors that share its interval, so the spread stays even without moving anyone else.
   */
  add(id: string, intervalMs: number): void {
    const now = this.clock.now();
    const phases = [...this.jobs.entries()]
      .filter(([other, j]) => other !== id && j.intervalMs === intervalMs)
      .map(([, j]) => (((j.next - now) % intervalMs) + intervalMs) % intervalMs)
      .sort((a, b) => a - b);
    let offset = Math.floor(intervalMs / 2);
    if (phases.length > 0) {
      let widest = -1;
      for (let i = 0; i < phases.length; i++) {
        const from = phases[i];
        const to = i + 1 < phases.length ? phases[i + 1] : phases[0] + intervalMs;
        if (to - from > widest) {
          widest = to - from;
          offset = Math.floor(from + (to - from) / 2) % intervalMs;
        }
      }
    }
    this.place(id, intervalMs, now + offset);
    this.arm();
  }

  /** Changes a monitor's interval; its next turn is placed afresh (in the widest gap). */
  reschedule(id: string, intervalMs: number): void {
    const job = this.jobs.get(id);
    if (!job || job.intervalMs === intervalMs) return;
    this.add(id, intervalMs);
  }

  remove(id: string): void {
    this.jobs.delete(id);
  }

  /** A one-off run at `at` (a confirmation re-check), on top of the regular turns. */
  recheck(id: string, at: number): void {
    const job = this.jobs.get(id);
    if (!job) return;
    this.heap.push({ at, id, reason: 'recheck', generation: job.generation, seq: ++this.seq });
    this.arm();
  }

  /** When the monitor's next regular turn is due. */
  nextDue(id: string): number | undefined {
    return this.jobs.get(id)?.next;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) this.clock.clearTimer(this.timer);
    this.timer = undefined;
  }

  /** Resolves when no check is running or queued. */
  idle(): Promise<void> {
    if (this.running === 0 && this.queued() === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private queued(): number {
    return this.ready.length - this.readyHead;
  }

  private place(id: string, intervalMs: number, at: number): void {
    const job: Job = { intervalMs, generation: ++this.generations, next: at, busy: this.jobs.get(id)?.busy ?? false };
    this.jobs.set(id, job);
    this.heap.push({ at, id, reason: 'scheduled', generation: job.generation, seq: ++this.seq });
  }

  private arm(): void {
    if (this.stopped) return;
    const first = this.heap.peek();
    if (!first || first.at >= this.armedAt) return;
    if (this.timer) this.clock.clearTimer(this.timer);
    this.armedAt = first.at;
    this.timer = this.clock.setTimer(() => this.fire(), first.at - this.clock.now());
  }

  private fire(): void {
    this.timer = undefined;
    this.armedAt = Infinity;
    if (this.stopped) return;
    const now = this.clock.now();
    for (let e = this.heap.peek(); e && e.at <= now; e = this.heap.peek()) {
      this.heap.pop();
      const job = this.jobs.get(e.id);
      if (!job || job.generation !== e.generation) continue;
      if (e.reason === 'scheduled') {
        // Fixed rate: the next turn keeps the phase; turns already missed (a stalled process) are skipped.
        const missed = Math.max(0, Math.floor((now - e.at) / job.intervalMs));
        job.next = e.at + (missed + 1) * job.intervalMs;
        this.heap.push({ at: job.next, id: e.id, reason: 'scheduled', generation: job.generation, seq: ++this.seq });
      }
      if (job.busy) {
        this.stats.skipped++;
        continue;
      }
      job.busy = true;
      this.ready.push(e);
    }
    this.pump();
    this.arm();
  }

  private pump(): void {
    while (this.running < this.concurrency && this.queued() > 0) {
      const e = this.ready[this.readyHead++];
      if (this.readyHead > 1024 && this.readyHead * 2 > this.ready.length) {
        this.ready.splice(0, this.readyHead);
        this.readyHead = 0;
      }
      this.start(e);
    }
    this.stats.running = this.running;
    this.stats.queued = this.queued();
  }

  private start(e: Entry): void {
    this.running++;
    this.stats.started++;
    this.stats.lateness.record(this.clock.now() - e.at);
    this.runCheck(e.id, e.at, e.reason).finally(() => {
      this.running--;
      const job = this.jobs.get(e.id);
      if (job) job.busy = false;
      this.pump();
      if (this.running === 0 && this.queued() === 0) {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const w of waiters) w();
      }
    });
  }
}

/**
 * Batches appends into one transaction every BATCH_MS (or sooner when a batch grows large), so
 * the write rate stays at a few transactions a second whatever the number of monitors. A kill -9
 * loses at most the batch not yet committed.
 */
import type { Statement } from 'better-sqlite3';
import type { CheckResult } from '../../check/run-check.js';
import type { Clock, TimerHandle } from '../../clock.js';
import type { Db } from '../open-database.js';
import type { Transition } from '../store.js';

const BATCH_MS = 250;
const MAX_BATCH = 5000;

export class WriteBatch {
  private results: Array<[number, CheckResult]> = [];
  private transitions: Array<[number, Transition]> = [];
  private pings = new Map<string, [number, number]>();
  private timer: TimerHandle | undefined;
  private readonly insertResult: Statement;
  private readonly insertFailure: Statement;
  private readonly insertTransition: Statement;
  private readonly upsertPing: Statement;
  /** Transactions committed, for the benchmark. */
  commits = 0;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.insertResult = db.prepare('INSERT OR REPLACE INTO results (monitor, t, ok, latency, status) VALUES (?, ?, ?, ?, ?)');
    this.insertFailure = db.prepare('INSERT OR REPLACE INTO failures (monitor, t, recheck, error, failed, detail) VALUES (?, ?, ?, ?, ?, ?)');
    this.insertTransition = db.prepare('INSERT OR REPLACE INTO transitions (monitor, t, state) VALUES (?, ?, ?)');
    this.upsertPing = db.prepare('INSERT INTO heartbeats (monitor, last, count) VALUES (?, ?, ?) ON CONFLICT (monitor) DO UPDATE SET last = excluded.last, count = excluded.count');
  }

  get pending(): number {
    return this.results.length + this.transitions.length + this.pings.size;
  }

  result(num: number, result: CheckResult): void {
    this.results.push([num, result]);
    this.schedule();
  }

  transition(num: number, transition: Transition): void {
    this.transitions.push([num, transition]);
    this.schedule();
  }

  ping(monitorId: string, at: number, count: number): void {
    this.pings.set(monitorId, [at, count]);
    this.schedule();
  }

  /** Commits everything pending now. */
  flush(): void {
    if (this.timer) this.clock.clearTimer(this.timer);
    this.timer = undefined;
    if (this.pending === 0) return;
    const results = this.results;
    const transitions = this.transitions;
    const pings = this.pings;
    this.results = [];
    this.transitions = [];
    this.pings = new Map();
    this.db.transaction(() => {
      for (const [num, r] of results) {
        const at = Math.round(r.at);
        this.insertResult.run(num, at, r.ok ? 1 : 0, Math.round(r.latencyMs), r.status ?? null);
        if (!r.ok) this.insertFailure.run(num, at, r.recheck ? 1 : 0, r.errorCode ?? null, JSON.stringify(r.failed), r.detail.slice(0, 1000));
      }
      for (const [num, t] of transitions) this.insertTransition.run(num, Math.round(t.at), t.state);
      for (const [id, [at, count]] of pings) this.upsertPing.run(id, at, count);
    })();
    this.commits++;
  }

  private schedule(): void {
    if (this.pending >= MAX_BATCH) this.flush();
    else if (!this.timer) this.timer = this.clock.setTimer(() => this.flush(), BATCH_MS);
  }

  stop(): void {
    this.flush();
  }
}

/**
 * Roll-ups and retention, done incrementally: each call handles the next few monitors of the
 * current pass, so neither ever holds the event loop for long, whatever the number of monitors
 * (issue 7 §3: "retention runs incrementally and never blocks checks").
 *
 * A pass of resolution R covers the periods [from, to) that ended at least LATENESS_MS ago; when
 * every monitor has been rolled up, `rollup_progress` moves to `to`. Raw results are deleted only
 * once rolled up at every resolution, and never inside the raw retention.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../open-database.js';
import type { Retention } from '../store.js';

export const RESOLUTIONS = [60_000, 3_600_000, 86_400_000] as const;
/** Results of a period may still be in a write batch or a re-check for a little while. */
const LATENESS_MS = 120_000;
/** Work per call, so a step never holds the event loop (and the checks due meanwhile) for long. */
const MONITORS_PER_CALL = 200;
const MS_PER_CALL = 4;
/** Day roll-ups are computed from raw results, so raw results stay at least a day and a bit. */
const MIN_RAW_MS = 26 * 3_600_000;

interface Pass {
  res: number;
  from: number;
  to: number;
  cursor: number;
}

/** Nearest-rank quantile of sorted values. */
function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export class Housekeeping {
  private passes = new Map<number, Pass>();
  private retentionCursor = 0;
  private readonly selectRaw: Statement;
  private readonly insertRollup: Statement;
  private readonly setProgress: Statement;
  private readonly getProgress: Statement;
  private readonly deleteRaw: Statement;
  private readonly deleteFailures: Statement;
  private readonly deleteRollups: Statement;
  private readonly selectNums: Statement;

  constructor(private readonly db: Db) {
    this.selectRaw = db.prepare('SELECT t, ok, latency FROM results WHERE monitor = ? AND t >= ? AND t < ? ORDER BY t');
    this.insertRollup = db.prepare('INSERT OR REPLACE INTO rollups (monitor, res, t, n, ok, lat_min, lat_avg, lat_p50, lat_p95, lat_max) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    this.setProgress = db.prepare('INSERT INTO rollup_progress (res, done_until) VALUES (?, ?) ON CONFLICT (res) DO UPDATE SET done_until = excluded.done_until');
    this.getProgress = db.prepare('SELECT done_until AS d FROM rollup_progress WHERE res = ?');
    this.deleteRaw = db.prepare('DELETE FROM results WHERE monitor = ? AND t < ?');
    this.deleteFailures = db.prepare('DELETE FROM failures WHERE monitor = ? AND t < ?');
    this.deleteRollups = db.prepare('DELETE FROM rollups WHERE monitor = ? AND res = ? AND t < ?');
    this.selectNums = db.prepare('SELECT num FROM monitors ORDER BY num');
  }

  /** Where roll-ups of a resolution are complete: before it, read roll-ups; from it, raw results. */
  progress(res: number): number | undefined {
    return (this.getProgress.get(res) as { d: number } | undefined)?.d;
  }

  private monitorNums(): number[] {
    return (this.selectNums.all() as Array<{ num: number }>).map((r) => r.num);
  }

  private startPass(res: number, now: number): Pass | undefined {
    let from = this.progress(res);
    if (from === undefined) {
      const first = (this.db.prepare('SELECT min(t) AS t FROM results').get() as { t: number | null }).t;
      if (first === null) return undefined;
      from = Math.floor(first / res) * res;
      this.setProgress.run(res, from);
    }
    const to = Math.floor((now - LATENESS_MS) / res) * res;
    return to > from ? { res, from, to, cursor: 0 } : undefined;
  }

  /** Rolls one monitor's results in [from, to) up into buckets of `res`. */
  private rollUp(num: number, pass: Pass): number {
    const rows = this.selectRaw.all(num, pass.from, pass.to) as Array<{ t: number; ok: number; latency: number }>;
    const buckets = new Map<number, Array<{ ok: number; latency: number }>>();
    for (const r of rows) {
      const b = Math.floor(r.t / pass.res) * pass.res;
      let list = buckets.get(b);
      if (!list) buckets.set(b, (list = []));
      list.push(r);
    }
    for (const [t, list] of buckets) {
      const latencies = list.map((r) => r.latency).sort((a, b) => a - b);
      const sum = latencies.reduce((s, v) => s + v, 0);
      const ok = list.reduce((s, r) => s + r.ok, 0);
      this.insertRollup.run(num, pass.res, t, list.length, ok, latencies[0], Math.round(sum / list.length), quantile(latencies, 0.5), quantile(latencies, 0.95), latencies[latencies.length - 1]);
    }
    return buckets.size;
  }

  /** One bounded step of roll-ups, then of retention: at most MONITORS_PER_CALL monitors each, or MS_PER_CALL. */
  step(now: number, retention: Retention): { rolledUp: number; deleted: number } {
    const nums = this.monitorNums();
    const started = performance.now();
    const inTime = () => performance.now() - started < MS_PER_CALL;
    let rolledUp = 0;
    let deleted = 0;
    this.db.transaction(() => {
      for (const res of RESOLUTIONS) {
        let pass = this.passes.get(res) ?? this.startPass(res, now);
        if (!pass) continue;
        const end = Math.min(nums.length, pass.cursor + MONITORS_PER_CALL);
        for (; pass.cursor < end && inTime(); pass.cursor++) rolledUp += this.rollUp(nums[pass.cursor], pass);
        if (pass.cursor >= nums.length) {
          this.setProgress.run(res, pass.to);
          pass = undefined;
        }
        if (pass) this.passes.set(res, pass);
        else this.passes.delete(res);
      }
      const rolledUntil = Math.min(...RESOLUTIONS.map((r) => this.progress(r) ?? -Infinity));
      const rawBefore = Math.min(now - Math.max(retention.rawMs, MIN_RAW_MS), rolledUntil);
      const keep: Record<number, number> = { 60_000: retention.minutesMs, 3_600_000: retention.hoursMs, 86_400_000: retention.daysMs };
      const end = Math.min(nums.length, this.retentionCursor + MONITORS_PER_CALL);
      let i = this.retentionCursor;
      for (; i < end && (i === this.retentionCursor || inTime()); i++) {
        const num = nums[i];
        if (Number.isFinite(rawBefore)) {
          deleted += this.deleteRaw.run(num, rawBefore).changes;
          this.deleteFailures.run(num, rawBefore);
        }
        for (const res of RESOLUTIONS) deleted += this.deleteRollups.run(num, res, now - keep[res]).changes;
      }
      this.retentionCursor = i >= nums.length ? 0 : i;
    })();
    return { rolledUp, deleted };
  }
}

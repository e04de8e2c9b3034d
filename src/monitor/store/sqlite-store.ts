/** The embedded store: one SQLite file (better-sqlite3 v12) in WAL mode. See store.ts for the contract. */
import type { CheckResult } from '../check/run-check.js';
import type { Clock } from '../clock.js';
import type { MonitorSpec } from '../model.js';
import { openDatabase, type Db } from './open-database.js';
import { Housekeeping, RESOLUTIONS } from './sqlite/housekeeping.js';
import { WriteBatch } from './sqlite/write-batch.js';
import type {
  Deploy,
  DeliveryAttempt,
  Incident,
  LatencyPoint,
  MonitorState,
  MonitorStore,
  OutboxEntry,
  Retention,
  Session,
  StoredMaintenance,
  StoredResult,
  Transition,
} from './store.js';

interface IncidentRow {
  id: number;
  monitor_id: string;
  down_since: number;
  opened_at: number;
  resolved_at: number | null;
  recovering_since: number | null;
  flapping: number;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  last_reminder_at: number | null;
  cause: string;
  suppressed: string | null;
}

interface OutboxRow {
  id: number;
  key: string;
  channel: string;
  created_at: number;
  payload: string;
  state: OutboxEntry['state'];
  attempts: number;
  next_at: number;
  sent_at: number | null;
  last_error: string | null;
}

const INCIDENT_COLUMNS = 'i.id, m.id AS monitor_id, i.down_since, i.opened_at, i.resolved_at, i.recovering_since, i.flapping, i.acknowledged_at, i.acknowledged_by, i.last_reminder_at, i.cause, i.suppressed';

function incidentOf(r: IncidentRow): Incident {
  const i: Incident = { id: r.id, monitorId: r.monitor_id, downSince: r.down_since, openedAt: r.opened_at, flapping: r.flapping === 1, cause: r.cause };
  if (r.resolved_at !== null) i.resolvedAt = r.resolved_at;
  if (r.recovering_since !== null) i.recoveringSince = r.recovering_since;
  if (r.acknowledged_at !== null) i.acknowledgedAt = r.acknowledged_at;
  if (r.acknowledged_by !== null) i.acknowledgedBy = r.acknowledged_by;
  if (r.last_reminder_at !== null) i.lastReminderAt = r.last_reminder_at;
  if (r.suppressed !== null) i.suppressed = r.suppressed;
  return i;
}

function outboxOf(r: OutboxRow): OutboxEntry {
  const e: OutboxEntry = { id: r.id, key: r.key, channel: r.channel, createdAt: r.created_at, payload: JSON.parse(r.payload) as unknown, state: r.state, attempts: r.attempts, nextAt: r.next_at };
  if (r.sent_at !== null) e.sentAt = r.sent_at;
  if (r.last_error !== null) e.lastError = r.last_error;
  return e;
}

/** Nearest-rank quantile of sorted values. */
function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function bucketRaw(rows: Array<{ t: number; ok: number; latency: number }>, resolutionMs: number): LatencyPoint[] {
  const buckets = new Map<number, Array<{ ok: number; latency: number }>>();
  for (const r of rows) {
    const b = Math.floor(r.t / resolutionMs) * resolutionMs;
    let list = buckets.get(b);
    if (!list) buckets.set(b, (list = []));
    list.push(r);
  }
  return [...buckets].map(([at, list]) => {
    const sorted = list.map((r) => r.latency).sort((a, b) => a - b);
    return {
      at,
      count: list.length,
      okCount: list.reduce((s, r) => s + r.ok, 0),
      minMs: sorted[0],
      avgMs: Math.round(sorted.reduce((s, v) => s + v, 0) / sorted.length),
      p50Ms: quantile(sorted, 0.5),
      p95Ms: quantile(sorted, 0.95),
      maxMs: sorted[sorted.length - 1],
    };
  });
}

/** Merges roll-up rows into coarser buckets; the p95 of a merged bucket is the worst of its parts (an upper bound). */
function mergePoints(points: LatencyPoint[], resolutionMs: number): LatencyPoint[] {
  const out = new Map<number, LatencyPoint>();
  for (const p of points) {
    const at = Math.floor(p.at / resolutionMs) * resolutionMs;
    const cur = out.get(at);
    if (!cur) out.set(at, { ...p, at });
    else {
      const count = cur.count + p.count;
      out.set(at, {
        at,
        count,
        okCount: cur.okCount + p.okCount,
        minMs: Math.min(cur.minMs, p.minMs),
        avgMs: Math.round((cur.avgMs * cur.count + p.avgMs * p.count) / count),
        // Medians do not merge: the count-weighted mean of the parts' medians is a fair estimate.
        p50Ms: Math.round((cur.p50Ms * cur.count + p.p50Ms * p.count) / count),
        p95Ms: Math.max(cur.p95Ms, p.p95Ms),
        maxMs: Math.max(cur.maxMs, p.maxMs),
      });
    }
  }
  return [...out.values()].sort((a, b) => a.at - b.at);
}

export class SqliteStore implements MonitorStore {
  readonly db: Db;
  private readonly batch: WriteBatch;
  private readonly housekeeping: Housekeeping;
  private nums = new Map<string, number>();

  constructor(
    readonly file: string,
    clock: Clock,
  ) {
    this.db = openDatabase(file);
    this.batch = new WriteBatch(this.db, clock);
    this.housekeeping = new Housekeeping(this.db);
    this.loadNums();
  }

  /** Transactions the write batch has committed. */
  get commits(): number {
    return this.batch.commits;
  }

  private loadNums(): void {
    this.nums = new Map((this.db.prepare('SELECT id, num FROM monitors').all() as Array<{ id: string; num: number }>).map((r) => [r.id, r.num]));
  }

  private num(monitorId: string): number | undefined {
    return this.nums.get(monitorId);
  }

  /** Reads see every append made so far. */
  private read<T>(fn: () => T): Promise<T> {
    this.batch.flush();
    return Promise.resolve(fn());
  }

  async syncMonitors(specs: readonly MonitorSpec[], now: number): Promise<void> {
    const upsert = this.db.prepare(
      'INSERT INTO monitors (id, name, kind, source, spec, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, source = excluded.source, spec = excluded.spec, removed_at = NULL',
    );
    this.db.transaction(() => {
      for (const s of specs) upsert.run(s.id, s.name, s.kind, s.source, JSON.stringify(s), now);
      const ids = new Set(specs.map((s) => s.id));
      const markRemoved = this.db.prepare('UPDATE monitors SET removed_at = ? WHERE id = ? AND removed_at IS NULL');
      for (const r of this.db.prepare("SELECT id FROM monitors WHERE removed_at IS NULL AND source != 'api'").all() as Array<{ id: string }>) {
        if (!ids.has(r.id)) markRemoved.run(now, r.id);
      }
    })();
    this.loadNums();
  }

  async apiMonitors(): Promise<MonitorSpec[]> {
    return (this.db.prepare("SELECT spec FROM monitors WHERE source = 'api' AND removed_at IS NULL ORDER BY num").all() as Array<{ spec: string }>).map((r) => JSON.parse(r.spec) as MonitorSpec);
  }

  async saveApiMonitor(spec: MonitorSpec, now: number): Promise<void> {
    this.db
      .prepare("INSERT INTO monitors (id, name, kind, source, spec, created_at) VALUES (?, ?, ?, 'api', ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, spec = excluded.spec, removed_at = NULL")
      .run(spec.id, spec.name, spec.kind, JSON.stringify(spec), now);
    this.loadNums();
  }

  async deleteApiMonitor(id: string, now: number): Promise<void> {
    this.db.prepare("UPDATE monitors SET removed_at = ? WHERE id = ? AND source = 'api'").run(now, id);
  }

  appendResult(result: CheckResult): void {
    const num = this.num(result.monitorId);
    if (num !== undefined) this.batch.result(num, result);
  }

  appendTransition(t: Transition): void {
    const num = this.num(t.monitorId);
    if (num !== undefined) this.batch.transition(num, t);
  }

  async flush(): Promise<void> {
    this.batch.flush();
  }

  lastStates(): Promise<Map<string, { state: MonitorState; since: number; lastCheckAt?: number }>> {
    return this.read(() => {
      const rows = this.db
        .prepare(
          `SELECT m.id, (SELECT state FROM transitions t WHERE t.monitor = m.num ORDER BY t DESC LIMIT 1) AS state,
                  (SELECT t FROM transitions t WHERE t.monitor = m.num ORDER BY t DESC LIMIT 1) AS since,
                  (SELECT t FROM results r WHERE r.monitor = m.num ORDER BY t DESC LIMIT 1) AS last
           FROM monitors m`,
        )
        .all() as Array<{ id: string; state: MonitorState | null; since: number | null; last: number | null }>;
      const out = new Map<string, { state: MonitorState; since: number; lastCheckAt?: number }>();
      for (const r of rows) {
        if (r.state === null || r.since === null) continue;
        out.set(r.id, r.last === null ? { state: r.state, since: r.since } : { state: r.state, since: r.since, lastCheckAt: r.last });
      }
      return out;
    });
  }

  allTransitions(from: number, to: number): Promise<Map<string, Transition[]>> {
    return this.read(() => {
      // The state in force at `from` (SQLite returns the row of max() for the bare column), then the changes within.
      const rows = this.db
        .prepare(
          `SELECT m.id, x.t, x.state FROM (
             SELECT monitor, max(t) AS t, state FROM transitions WHERE t < ? GROUP BY monitor
             UNION ALL SELECT monitor, t, state FROM transitions WHERE t >= ? AND t < ?
           ) x JOIN monitors m ON m.num = x.monitor ORDER BY x.monitor, x.t`,
        )
        .all(from, from, to) as Array<{ id: string; t: number; state: MonitorState }>;
      const out = new Map<string, Transition[]>();
      for (const r of rows) {
        let list = out.get(r.id);
        if (!list) out.set(r.id, (list = []));
        list.push({ monitorId: r.id, at: r.t, state: r.state });
      }
      return out;
    });
  }

  transitions(monitorId: string, from: number, to: number): Promise<Transition[]> {
    return this.read(() => {
      const num = this.num(monitorId) ?? -1;
      const rows = this.db
        .prepare(
          `SELECT * FROM (SELECT t, state FROM transitions WHERE monitor = ? AND t < ? ORDER BY t DESC LIMIT 1)
           UNION ALL SELECT t, state FROM transitions WHERE monitor = ? AND t >= ? AND t < ? ORDER BY t`,
        )
        .all(num, from, num, from, to) as Array<{ t: number; state: MonitorState }>;
      return rows.map((r) => ({ monitorId, at: r.t, state: r.state }));
    });
  }

  results(monitorId: string, from: number, to: number, limit: number): Promise<StoredResult[]> {
    return this.read(() => {
      const num = this.num(monitorId);
      if (num === undefined) return [];
      const rows = this.db
        .prepare(
          `SELECT r.t, r.ok, r.latency, r.status, f.error, f.failed, f.detail, f.recheck FROM results r
           LEFT JOIN failures f ON f.monitor = r.monitor AND f.t = r.t
           WHERE r.monitor = ? AND r.t >= ? AND r.t < ? ORDER BY r.t DESC LIMIT ?`,
        )
        .all(num, from, to, limit) as Array<{ t: number; ok: number; latency: number; status: number | null; error: string | null; failed: string | null; detail: string | null; recheck: number | null }>;
      return rows.map((r) => {
        const out: StoredResult = { at: r.t, ok: r.ok === 1, latencyMs: r.latency };
        if (r.status !== null) out.status = r.status;
        if (r.error !== null) out.errorCode = r.error;
        if (r.failed !== null) out.failed = JSON.parse(r.failed) as string[];
        if (r.detail !== null) out.detail = r.detail;
        if (r.recheck !== null) out.recheck = r.recheck === 1;
        return out;
      });
    });
  }

  /** The finest roll-up resolution that is not finer than asked. */
  private rollupResolution(resolutionMs: number): number {
    return [...RESOLUTIONS].reverse().find((r) => r <= resolutionMs) ?? RESOLUTIONS[0];
  }

  latency(monitorId: string, from: number, to: number, resolutionMs: number): Promise<LatencyPoint[]> {
    return this.read(() => {
      const num = this.num(monitorId);
      if (num === undefined) return [];
      const res = this.rollupResolution(resolutionMs);
      const rolledUntil = Math.min(Math.max(from, this.housekeeping.progress(res) ?? from), to);
      const rolled = (this.db.prepare('SELECT t AS at, n AS count, ok AS okCount, lat_min AS minMs, lat_avg AS avgMs, lat_p50 AS p50Ms, lat_p95 AS p95Ms, lat_max AS maxMs FROM rollups WHERE monitor = ? AND res = ? AND t >= ? AND t < ? ORDER BY t').all(num, res, from, rolledUntil) as LatencyPoint[]);
      const raw = this.db.prepare('SELECT t, ok, latency FROM results WHERE monitor = ? AND t >= ? AND t < ? ORDER BY t').all(num, rolledUntil, to) as Array<{ t: number; ok: number; latency: number }>;
      return mergePoints([...rolled, ...bucketRaw(raw, Math.min(res, resolutionMs))], resolutionMs);
    });
  }

  /**
   * Hour roll-ups where complete, then minute roll-ups merged into hours, then raw results for the
   * last few minutes: the dashboard never scans more than minutes of raw results.
   */
  hourlyLatency(from: number, to: number): Promise<Map<string, LatencyPoint[]>> {
    return this.read(() => {
      const hour = 3_600_000;
      const minute = 60_000;
      const hoursUntil = Math.min(Math.max(from, this.housekeeping.progress(hour) ?? from), to);
      const minutesUntil = Math.min(Math.max(hoursUntil, this.housekeeping.progress(minute) ?? hoursUntil), to);
      const ids = new Map([...this.nums].map(([id, num]) => [num, id]));
      const parts = new Map<number, LatencyPoint[]>();
      const add = (num: number, p: LatencyPoint) => {
        let list = parts.get(num);
        if (!list) parts.set(num, (list = []));
        list.push(p);
      };
      // Roll-ups and results are clustered by monitor: a few seeks per monitor beat scanning the tables.
      const rollups = this.db.prepare(
        'SELECT t AS at, n AS count, ok AS okCount, lat_min AS minMs, lat_avg AS avgMs, lat_p50 AS p50Ms, lat_p95 AS p95Ms, lat_max AS maxMs FROM rollups WHERE monitor = ? AND res = ? AND t >= ? AND t < ?',
      );
      const recent = this.db.prepare('SELECT t, ok, latency FROM results WHERE monitor = ? AND t >= ? AND t < ?');
      for (const num of ids.keys()) {
        for (const p of rollups.all(num, hour, from, hoursUntil) as LatencyPoint[]) add(num, p);
        if (minutesUntil > hoursUntil) for (const p of rollups.all(num, minute, hoursUntil, minutesUntil) as LatencyPoint[]) add(num, p);
        const rows = recent.all(num, minutesUntil, to) as Array<{ t: number; ok: number; latency: number }>;
        for (const p of bucketRaw(rows, minute)) add(num, p);
      }
      const out = new Map<string, LatencyPoint[]>();
      for (const [num, list] of parts) {
        const id = ids.get(num);
        if (id !== undefined) out.set(id, mergePoints(list, hour));
      }
      return out;
    });
  }

  async openIncident(incident: Omit<Incident, 'id'>): Promise<Incident> {
    const num = this.num(incident.monitorId);
    if (num === undefined) throw new Error(`unknown monitor ${incident.monitorId}`);
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO incidents (monitor, down_since, opened_at, flapping, cause, suppressed) VALUES (?, ?, ?, ?, ?, ?)')
      .run(num, incident.downSince, incident.openedAt, incident.flapping ? 1 : 0, incident.cause, incident.suppressed ?? null);
    return { ...incident, id: Number(lastInsertRowid) };
  }

  async updateIncident(i: Incident): Promise<void> {
    this.db
      .prepare('UPDATE incidents SET resolved_at = ?, recovering_since = ?, flapping = ?, acknowledged_at = ?, acknowledged_by = ?, last_reminder_at = ?, cause = ?, suppressed = ? WHERE id = ?')
      .run(i.resolvedAt ?? null, i.recoveringSince ?? null, i.flapping ? 1 : 0, i.acknowledgedAt ?? null, i.acknowledgedBy ?? null, i.lastReminderAt ?? null, i.cause, i.suppressed ?? null, i.id);
  }

  async openIncidents(): Promise<Incident[]> {
    return (this.db.prepare(`SELECT ${INCIDENT_COLUMNS} FROM incidents i JOIN monitors m ON m.num = i.monitor WHERE i.resolved_at IS NULL ORDER BY i.opened_at`).all() as IncidentRow[]).map(incidentOf);
  }

  async incidents(filter: { monitorId?: string; from?: number; limit: number }): Promise<Incident[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.monitorId !== undefined) {
      where.push('i.monitor = ?');
      args.push(this.num(filter.monitorId) ?? -1);
    }
    if (filter.from !== undefined) {
      where.push('(i.resolved_at IS NULL OR i.resolved_at >= ?)');
      args.push(filter.from);
    }
    const sql = `SELECT ${INCIDENT_COLUMNS} FROM incidents i JOIN monitors m ON m.num = i.monitor ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY i.opened_at DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...args, filter.limit) as IncidentRow[]).map(incidentOf);
  }

  async incident(id: number): Promise<Incident | undefined> {
    const row = this.db.prepare(`SELECT ${INCIDENT_COLUMNS} FROM incidents i JOIN monitors m ON m.num = i.monitor WHERE i.id = ?`).get(id) as IncidentRow | undefined;
    return row ? incidentOf(row) : undefined;
  }

  async enqueue(entries: ReadonlyArray<Pick<OutboxEntry, 'key' | 'channel' | 'payload'>>, now: number): Promise<OutboxEntry[]> {
    const insert = this.db.prepare("INSERT OR IGNORE INTO outbox (key, channel, created_at, payload, monitor, state, next_at) VALUES (?, ?, ?, ?, ?, 'pending', ?)");
    const added: OutboxEntry[] = [];
    this.db.transaction(() => {
      for (const e of entries) {
        const monitor = (e.payload as { monitorId?: string }).monitorId ?? null;
        const { changes, lastInsertRowid } = insert.run(e.key, e.channel, now, JSON.stringify(e.payload), monitor, now);
        if (changes > 0) added.push({ id: Number(lastInsertRowid), key: e.key, channel: e.channel, createdAt: now, payload: e.payload, state: 'pending', attempts: 0, nextAt: now });
      }
    })();
    return added;
  }

  async dueAlerts(now: number, limit: number): Promise<OutboxEntry[]> {
    return (this.db.prepare("SELECT * FROM outbox WHERE state = 'pending' AND next_at <= ? ORDER BY next_at, id LIMIT ?").all(now, limit) as OutboxRow[]).map(outboxOf);
  }

  async recordAttempt(id: number, a: { at: number; ok: boolean; detail: string; nextAt?: number }): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO deliveries (outbox, t, ok, detail) VALUES (?, ?, ?, ?)').run(id, a.at, a.ok ? 1 : 0, a.detail.slice(0, 500));
      if (a.ok) this.db.prepare("UPDATE outbox SET state = 'sent', attempts = attempts + 1, sent_at = ?, last_error = NULL WHERE id = ?").run(a.at, id);
      else if (a.nextAt !== undefined) this.db.prepare('UPDATE outbox SET attempts = attempts + 1, next_at = ?, last_error = ? WHERE id = ?').run(a.nextAt, a.detail.slice(0, 500), id);
      else this.db.prepare("UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?").run(a.detail.slice(0, 500), id);
    })();
  }

  async outbox(filter: { limit: number; monitorId?: string }): Promise<Array<OutboxEntry & { deliveries: DeliveryAttempt[] }>> {
    const rows = (
      filter.monitorId === undefined
        ? this.db.prepare('SELECT * FROM outbox ORDER BY id DESC LIMIT ?').all(filter.limit)
        : this.db.prepare('SELECT * FROM outbox WHERE monitor = ? ORDER BY id DESC LIMIT ?').all(filter.monitorId, filter.limit)
    ) as OutboxRow[];
    const attempts = this.db.prepare('SELECT outbox AS outboxId, t AS at, ok, detail FROM deliveries WHERE outbox = ? ORDER BY t');
    return rows.map((r) => ({
      ...outboxOf(r),
      deliveries: (attempts.all(r.id) as Array<{ outboxId: number; at: number; ok: number; detail: string }>).map((d) => ({ ...d, ok: d.ok === 1 })),
    }));
  }

  async addDeploy(d: Omit<Deploy, 'id'>): Promise<Deploy> {
    const { lastInsertRowid } = this.db.prepare('INSERT INTO deploys (t, version, note, source) VALUES (?, ?, ?, ?)').run(d.at, d.version, d.note ?? null, d.source);
    return { ...d, id: Number(lastInsertRowid) };
  }

  async deploys(from: number, to: number): Promise<Deploy[]> {
    return (this.db.prepare('SELECT id, t AS at, version, note, source FROM deploys WHERE t >= ? AND t < ? ORDER BY t').all(from, to) as Array<Deploy & { note: string | null }>).map((d) => {
      const { note, ...rest } = d;
      return note === null ? rest : { ...rest, note };
    });
  }

  async addMaintenance(w: Omit<StoredMaintenance, 'id'>): Promise<StoredMaintenance> {
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO maintenance (name, monitors, start, duration, repeat) VALUES (?, ?, ?, ?, ?)')
      .run(w.name, w.monitors ? JSON.stringify(w.monitors) : null, w.startMs, w.durationMs, w.repeat ?? null);
    return { ...w, id: Number(lastInsertRowid) };
  }

  async maintenanceWindows(): Promise<StoredMaintenance[]> {
    return (this.db.prepare('SELECT id, name, monitors, start, duration, repeat FROM maintenance ORDER BY start').all() as Array<{ id: number; name: string; monitors: string | null; start: number; duration: number; repeat: 'daily' | 'weekly' | null }>).map((r) => {
      const w: StoredMaintenance = { id: r.id, name: r.name, startMs: r.start, durationMs: r.duration };
      if (r.monitors !== null) w.monitors = JSON.parse(r.monitors) as string[];
      if (r.repeat !== null) w.repeat = r.repeat;
      return w;
    });
  }

  async deleteMaintenance(id: number): Promise<boolean> {
    return this.db.prepare('DELETE FROM maintenance WHERE id = ?').run(id).changes > 0;
  }

  async startOffline(at: number): Promise<void> {
    this.db.prepare('INSERT OR IGNORE INTO self_offline (start) VALUES (?)').run(at);
  }

  async endOffline(at: number): Promise<void> {
    this.db.prepare('UPDATE self_offline SET end = ? WHERE end IS NULL').run(at);
  }

  async offlinePeriods(from: number, to: number): Promise<Array<{ start: number; end?: number }>> {
    return (this.db.prepare('SELECT start, end FROM self_offline WHERE start < ? AND (end IS NULL OR end > ?) ORDER BY start').all(to, from) as Array<{ start: number; end: number | null }>).map((r) =>
      r.end === null ? { start: r.start } : { start: r.start, end: r.end },
    );
  }

  async pings(): Promise<Map<string, { last?: number; count: number }>> {
    this.batch.flush();
    return new Map((this.db.prepare('SELECT monitor, last, count FROM heartbeats').all() as Array<{ monitor: string; last: number | null; count: number }>).map((r) => [r.monitor, r.last === null ? { count: r.count } : { last: r.last, count: r.count }]));
  }

  savePing(monitorId: string, at: number, count: number): void {
    this.batch.ping(monitorId, at, count);
  }

  async setting(key: string): Promise<string | undefined> {
    return (this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  async setSetting(key: string, value: string): Promise<void> {
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  async createSession(hash: string, s: Session, now: number): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now);
    this.db.prepare('INSERT INTO sessions (hash, csrf, created_at, expires_at) VALUES (?, ?, ?, ?)').run(hash, s.csrf, now, s.expiresAt);
  }

  async session(hash: string, now: number): Promise<Session | undefined> {
    const row = this.db.prepare('SELECT csrf, expires_at FROM sessions WHERE hash = ? AND expires_at > ?').get(hash, now) as { csrf: string; expires_at: number } | undefined;
    return row ? { csrf: row.csrf, expiresAt: row.expires_at } : undefined;
  }

  async deleteSession(hash: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE hash = ?').run(hash);
  }

  async createApiToken(name: string, hash: string, now: number): Promise<number> {
    return Number(this.db.prepare('INSERT INTO api_tokens (name, hash, created_at) VALUES (?, ?, ?)').run(name, hash, now).lastInsertRowid);
  }

  async apiToken(hash: string, now: number): Promise<{ id: number; name: string } | undefined> {
    const row = this.db.prepare('SELECT id, name FROM api_tokens WHERE hash = ?').get(hash) as { id: number; name: string } | undefined;
    if (row) this.db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(now, row.id);
    return row;
  }

  async apiTokens(): Promise<Array<{ id: number; name: string; createdAt: number; lastUsedAt?: number }>> {
    return (this.db.prepare('SELECT id, name, created_at, last_used_at FROM api_tokens ORDER BY id').all() as Array<{ id: number; name: string; created_at: number; last_used_at: number | null }>).map((r) =>
      r.last_used_at === null ? { id: r.id, name: r.name, createdAt: r.created_at } : { id: r.id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at },
    );
  }

  async deleteApiToken(id: number): Promise<boolean> {
    return this.db.prepare('DELETE FROM api_tokens WHERE id = ?').run(id).changes > 0;
  }

  async maintain(now: number, retention: Retention): Promise<{ rolledUp: number; deleted: number }> {
    this.batch.flush();
    return this.housekeeping.step(now, retention);
  }

  async alertState(key: string): Promise<string | undefined> {
    return (this.db.prepare('SELECT value FROM alert_state WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  async setAlertState(key: string, value: string | undefined): Promise<void> {
    if (value === undefined) this.db.prepare('DELETE FROM alert_state WHERE key = ?').run(key);
    else this.db.prepare('INSERT INTO alert_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  async close(): Promise<void> {
    this.batch.stop();
    this.db.close();
  }
}

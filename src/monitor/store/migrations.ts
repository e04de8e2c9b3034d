/**
 * Schema versions of monitor.db, applied in order; PRAGMA user_version records the last one
 * applied. A released migration is never edited: changes go in a new one.
 *
 * Raw results are kept small (issue 7 §6: ≤ 40 bytes a result): an integer monitor number, the time
 * in ms, ok, latency and status, clustered by (monitor, time) in a WITHOUT ROWID table, so there is
 * no separate index. The evidence of failed checks lives apart, in `failures`.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE monitors (
    num INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    source TEXT NOT NULL,
    spec TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    removed_at INTEGER
  );
  CREATE TABLE results (
    monitor INTEGER NOT NULL,
    t INTEGER NOT NULL,
    ok INTEGER NOT NULL,
    latency INTEGER NOT NULL,
    status INTEGER,
    PRIMARY KEY (monitor, t)
  ) WITHOUT ROWID;
  CREATE TABLE failures (
    monitor INTEGER NOT NULL,
    t INTEGER NOT NULL,
    recheck INTEGER NOT NULL,
    error TEXT,
    failed TEXT NOT NULL,
    detail TEXT NOT NULL,
    PRIMARY KEY (monitor, t)
  ) WITHOUT ROWID;
  CREATE TABLE transitions (
    monitor INTEGER NOT NULL,
    t INTEGER NOT NULL,
    state TEXT NOT NULL,
    PRIMARY KEY (monitor, t)
  ) WITHOUT ROWID;
  CREATE TABLE rollups (
    monitor INTEGER NOT NULL,
    res INTEGER NOT NULL,
    t INTEGER NOT NULL,
    n INTEGER NOT NULL,
    ok INTEGER NOT NULL,
    lat_min INTEGER NOT NULL,
    lat_avg INTEGER NOT NULL,
    lat_p50 INTEGER NOT NULL,
    lat_p95 INTEGER NOT NULL,
    lat_max INTEGER NOT NULL,
    PRIMARY KEY (monitor, res, t)
  ) WITHOUT ROWID;
  CREATE TABLE rollup_progress (res INTEGER PRIMARY KEY, done_until INTEGER NOT NULL);
  CREATE TABLE incidents (
    id INTEGER PRIMARY KEY,
    monitor INTEGER NOT NULL,
    down_since INTEGER NOT NULL,
    opened_at INTEGER NOT NULL,
    resolved_at INTEGER,
    recovering_since INTEGER,
    flapping INTEGER NOT NULL DEFAULT 0,
    acknowledged_at INTEGER,
    acknowledged_by TEXT,
    last_reminder_at INTEGER,
    cause TEXT NOT NULL,
    suppressed TEXT
  );
  CREATE INDEX incidents_open ON incidents (resolved_at) WHERE resolved_at IS NULL;
  CREATE INDEX incidents_monitor ON incidents (monitor, opened_at);
  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    payload TEXT NOT NULL,
    monitor TEXT,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_at INTEGER NOT NULL,
    sent_at INTEGER,
    last_error TEXT
  );
  CREATE INDEX outbox_due ON outbox (next_at) WHERE state = 'pending';
  CREATE TABLE deliveries (
    outbox INTEGER NOT NULL,
    t INTEGER NOT NULL,
    ok INTEGER NOT NULL,
    detail TEXT NOT NULL
  );
  CREATE INDEX deliveries_outbox ON deliveries (outbox);
  CREATE TABLE deploys (id INTEGER PRIMARY KEY, t INTEGER NOT NULL, version TEXT NOT NULL, note TEXT, source TEXT NOT NULL);
  CREATE INDEX deploys_t ON deploys (t);
  CREATE TABLE maintenance (id INTEGER PRIMARY KEY, name TEXT NOT NULL, monitors TEXT, start INTEGER NOT NULL, duration INTEGER NOT NULL, repeat TEXT);
  CREATE TABLE self_offline (start INTEGER PRIMARY KEY, end INTEGER);
  CREATE TABLE heartbeats (monitor TEXT PRIMARY KEY, last INTEGER, count INTEGER NOT NULL);
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE alert_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE sessions (hash TEXT PRIMARY KEY, csrf TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);
  CREATE TABLE api_tokens (id INTEGER PRIMARY KEY, name TEXT NOT NULL, hash TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL, last_used_at INTEGER);
  `,
];

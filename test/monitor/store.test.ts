import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { CheckResult } from '../../src/monitor/check/run-check.js';
import type { MonitorSpec } from '../../src/monitor/model.js';
import { MIGRATIONS } from '../../src/monitor/store/migrations.js';
import { SqliteStore } from '../../src/monitor/store/sqlite-store.js';
import { ManualClock } from './manual-clock.js';

const spec = (name: string): MonitorSpec => ({
  id: `config:${name}`,
  name,
  kind: 'http',
  source: 'config',
  intervalMs: 60_000,
  timeoutMs: 10_000,
  condition: 'status == 200',
  http: { url: 'https://www.acme.test/', method: 'GET', headers: {}, followRedirects: true },
  severity: 'critical',
  public: false,
  paused: false,
});

const result = (monitorId: string, at: number, ok: boolean, latencyMs: number): CheckResult => ({
  monitorId,
  at,
  ok,
  latencyMs,
  status: ok ? 200 : 502,
  failed: ok ? [] : ['status == 200 (status: 502)'],
  detail: ok ? '200' : '502 from GET https://www.acme.test/',
  recheck: false,
  ...(ok ? {} : { errorCode: 'bad-response' }),
});

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lr-monitor-store-'));
});
after(() => rm(dir, { recursive: true, force: true }));

describe('SQLite store', () => {
  it('creates the schema at its latest version, in WAL mode, and refuses a newer one', async () => {
    const file = join(dir, 'schema.db');
    const store = new SqliteStore(file, new ManualClock());
    assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(store.db.pragma('user_version', { simple: true }), MIGRATIONS.length);
    await store.close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    assert.throws(() => new SqliteStore(file, new ManualClock()), /written by a newer launch-ready/);
  });

  it('batches appends into a few transactions and reads them back with their evidence', async () => {
    const clock = new ManualClock();
    const store = new SqliteStore(join(dir, 'batch.db'), clock);
    const monitors = Array.from({ length: 200 }, (_, i) => spec(`m${i}`));
    await store.syncMonitors(monitors, clock.now());
    const t0 = clock.now();
    // 200 monitors checked over 10 s: 200 results, written in 40 transactions at most (one per 250 ms).
    for (let i = 0; i < 200; i++) {
      store.appendResult(result(monitors[i].id, t0 + i * 50, i % 10 !== 0, 100 + i));
      await clock.advance(50);
    }
    await clock.advance(1000);
    assert.ok(store.commits <= 41, `${store.commits} transactions`);
    const log = await store.results('config:m10', t0, t0 + 60_000, 10);
    assert.deepEqual(log, [{ at: t0 + 500, ok: false, latencyMs: 110, status: 502, errorCode: 'bad-response', failed: ['status == 200 (status: 502)'], detail: '502 from GET https://www.acme.test/', recheck: false }]);
    assert.deepEqual(await store.results('config:m11', t0, t0 + 60_000, 10), [{ at: t0 + 550, ok: true, latencyMs: 111, status: 200 }]);
    await store.close();
  });

  it('keeps transitions and says which state each monitor was last in', async () => {
    const clock = new ManualClock();
    const store = new SqliteStore(join(dir, 'states.db'), clock);
    await store.syncMonitors([spec('a'), spec('b')], clock.now());
    const t = clock.now();
    store.appendTransition({ monitorId: 'config:a', at: t, state: 'up' });
    store.appendTransition({ monitorId: 'config:a', at: t + 60_000, state: 'down' });
    store.appendTransition({ monitorId: 'config:b', at: t, state: 'up' });
    store.appendResult(result('config:a', t + 120_000, false, 5));
    const states = await store.lastStates();
    assert.deepEqual(states.get('config:a'), { state: 'down', since: t + 60_000, lastCheckAt: t + 120_000 });
    assert.deepEqual(states.get('config:b'), { state: 'up', since: t });
    const all = await store.allTransitions(t + 30_000, t + 90_000);
    assert.deepEqual(all.get('config:a')!.map((x) => x.state), ['up', 'down'], 'the state in force at the start comes first');
    assert.deepEqual(all.get('config:b')!.map((x) => x.state), ['up']);
    await store.close();
  });

  it('rolls raw results up per minute, hour and day, then deletes raw results past retention', async () => {
    const start = Date.UTC(2026, 0, 5);
    const clock = new ManualClock(start);
    const store = new SqliteStore(join(dir, 'rollup.db'), clock);
    await store.syncMonitors([spec('a')], start);
    // Three days of a check every minute; one failure an hour, latencies 1..60 ms within each hour.
    for (let m = 0; m < 3 * 1440; m++) store.appendResult(result('config:a', start + m * 60_000, m % 60 !== 0, (m % 60) + 1));
    await store.flush();
    const now = start + 3 * 86_400_000;
    const retention = { rawMs: 48 * 3_600_000, minutesMs: 14 * 86_400_000, hoursMs: 400 * 86_400_000, daysMs: 400 * 86_400_000 };
    // Each call does a few milliseconds of work; a few calls finish every pass.
    for (let i = 0; i < 20; i++) await store.maintain(now, retention);
    const hours = await store.latency('config:a', start, start + 2 * 3_600_000, 3_600_000);
    assert.deepEqual(hours[0], { at: start, count: 60, okCount: 59, minMs: 1, avgMs: 31, p50Ms: 30, p95Ms: 57, maxMs: 60 });
    const days = await store.latency('config:a', start, start + 86_400_000, 86_400_000);
    assert.deepEqual({ count: days[0].count, okCount: days[0].okCount }, { count: 1440, okCount: 1416 });
    const raw = store.db.prepare('SELECT min(t) AS t, count(*) AS n FROM results').get() as { t: number; n: number };
    assert.deepEqual(raw, { t: now - 48 * 3_600_000, n: 48 * 60 }, 'raw results older than 48 h are gone');
    // The same hour reads the same from roll-ups as it did from raw results.
    const again = await store.latency('config:a', start, start + 3_600_000, 3_600_000);
    assert.deepEqual(again, hours.slice(0, 1));
    // The dashboard's sparklines: hour roll-ups, then the last hour from minute roll-ups and raw results,
    // whose merged p95 is the worst minute's (an upper bound: 60 rather than 57).
    const spark = (await store.hourlyLatency(now - 3 * 3_600_000, now)).get('config:a')!;
    assert.deepEqual(spark.map((p) => [p.at, p.count, p.p95Ms]), [
      [now - 3 * 3_600_000, 60, 57],
      [now - 2 * 3_600_000, 60, 57],
      [now - 3_600_000, 60, 60],
    ]);
    await store.close();
  });
});

/** Error-budget rules: when a burn-rate alert adds news, the budget sentence of incident alerts, uptime of one monitor. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AlertMessage } from '../../src/monitor/alerts/message.js';
import { budgetLine, budgetSubjects, countOutages, evaluateBudgets, type BudgetOptions } from '../../src/monitor/engine/budget.js';
import { UptimeBook } from '../../src/monitor/engine/uptime-book.js';
import type { MonitorSpec } from '../../src/monitor/model.js';
import { SqliteStore } from '../../src/monitor/store/sqlite-store.js';
import type { Incident, MonitorStore } from '../../src/monitor/store/store.js';
import type { Uptime } from '../../src/monitor/uptime.js';
import { ManualClock } from './manual-clock.js';

const MIN = 60_000;
const NOW = 10 * 3_600_000;
const OPTIONS: BudgetOptions = { targetPercent: 99.5, windowMs: 24 * 60 * MIN, burnRate: { budgetPercent: 2, windowMs: 60 * MIN } };

function spec(name: string, group?: string): MonitorSpec {
  const s: MonitorSpec = { id: `config:${name}`, name, kind: 'http', source: 'config', intervalMs: MIN, timeoutMs: 10_000, condition: 'status == 200', severity: 'critical', public: false, paused: false };
  if (group) s.group = group;
  return s;
}

const down = (downMs: number): Uptime => ({ upMs: 60 * MIN - downMs, downMs, maintenanceMs: 0, noDataMs: 0, ratio: 1 - downMs / (60 * MIN) });

let nextId = 1;
function incident(monitor: MonitorSpec, startMin: number, endMin?: number, extra: Partial<Incident> = {}): Incident {
  const i: Incident = { id: nextId++, monitorId: monitor.id, downSince: NOW - startMin * MIN, openedAt: NOW - startMin * MIN + 30_000, flapping: false, cause: 'status == 200 (status: 503)', ...extra };
  if (endMin !== undefined) i.resolvedAt = NOW - endMin * MIN;
  return i;
}

/** Runs the budget rules over monitors with the given downtime (both windows) and incidents; returns the burn-rate alerts' subjects. */
async function burnAlerts(specs: MonitorSpec[], downMs: Record<string, number>, incidents: Incident[], state = new Map<string, string>()): Promise<string[]> {
  const store = {
    alertState: async (key: string) => state.get(key),
    setAlertState: async (key: string, value: string | undefined) => void (value === undefined ? state.delete(key) : state.set(key, value)),
  } as unknown as MonitorStore;
  const uptimes = new Map(specs.map((s) => [s.id, down(downMs[s.name] ?? 0)]));
  const sent: AlertMessage[] = [];
  await evaluateBudgets(budgetSubjects(specs, uptimes, uptimes, incidents), OPTIONS, NOW, store, async (_channels, _key, message) => void sent.push(message));
  return sent.filter((m) => m.kind === 'burn-rate').map((m) => m.monitorName!);
}

describe('burn-rate alert', () => {
  const api = spec('api');
  it('stays silent for a single outage, however fast it burns: its incident alerts say it', async () => {
    assert.deepEqual(await burnAlerts([api], { api: 5 * MIN }, [incident(api, 20, 15)]), []);
    assert.deepEqual(await burnAlerts([api], { api: 5 * MIN }, [incident(api, 5)]), [], 'still open');
  });

  it('fires once for outages that keep coming back, while they do', async () => {
    const state = new Map<string, string>();
    const twice = [incident(api, 40, 38), incident(api, 10, 8)];
    assert.deepEqual(await burnAlerts([api], { api: 4 * MIN }, twice, state), ['api']);
    assert.deepEqual(await burnAlerts([api], { api: 4 * MIN }, [...twice, incident(api, 2)], state), [], 'once per episode');
    assert.deepEqual(await burnAlerts([api], { api: 2 * MIN }, [incident(api, 10, 8)], state), [], 'the first outage left the window: re-armed');
    assert.deepEqual(await burnAlerts([api], { api: 4 * MIN }, twice, state), ['api']);
  });

  it('needs the downtime to exceed its share of the budget (2 % of 7 min 12 s: 8.6 s)', async () => {
    const twice = [incident(api, 40, 38), incident(api, 10, 8)];
    assert.deepEqual(await burnAlerts([api], { api: 8_000 }, twice), []);
    assert.deepEqual(await burnAlerts([api], { api: 9_000 }, twice), ['api']);
  });

  it('does not count an outage muted by maintenance', async () => {
    assert.deepEqual(await burnAlerts([api], { api: 3 * MIN }, [incident(api, 40, 38, { suppressed: 'maintenance "db"' }), incident(api, 10, 8)]), []);
  });

  it('fires for a group when its outages are spread over its members, not for one cause or one recurring member', async () => {
    const a = spec('a', 'shop');
    const b = spec('b', 'shop');
    const downMs = { a: 2 * MIN, b: 2 * MIN };
    assert.deepEqual(await burnAlerts([a, b], downMs, [incident(a, 40, 38), incident(b, 10, 8)]), ['group shop']);
    assert.deepEqual(await burnAlerts([a, b], downMs, [incident(a, 10, 8), incident(b, 9, 7)]), [], 'overlapping: one outage');
    assert.deepEqual(await burnAlerts([a, b], { a: 4 * MIN }, [incident(a, 40, 38), incident(a, 10, 8)]), ['a'], 'the member says it');
  });

  it('counts overlapping outages once', () => {
    assert.equal(countOutages([]), 0);
    assert.equal(countOutages([{ start: 10, end: 20 }, { start: 0, end: 5 }, { start: 5, end: 8 }]), 3);
    assert.equal(countOutages([{ start: 0, end: 10 }, { start: 5, end: 8 }, { start: 9 }, { start: 50, end: 60 }]), 1);
  });
});

describe('budget sentence of reminders and recoveries', () => {
  it('says what the outage burnt and what is left, as the dashboard rounds it', () => {
    assert.equal(budgetLine(OPTIONS, 3 * MIN, 3 * MIN, false), 'It burnt 42 % of the error budget (99.5 % over 24 h allows 7 min 12 s down); 58 % is left.');
    assert.equal(budgetLine(OPTIONS, 1_000, 9 * MIN, true), 'So far it has burnt < 1 % of the error budget (99.5 % over 24 h allows 7 min 12 s down); 0 % is left.');
    assert.equal(budgetLine({ ...OPTIONS, targetPercent: 100 }, MIN, MIN, false), undefined, 'a 100 % target has no budget');
  });
});

describe('uptime book', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lr-monitor-budget-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('computes one monitor alone, and never answers for a monitor it did not compute', async () => {
    const clock = new ManualClock(NOW);
    const store = new SqliteStore(join(dir, 'book.db'), clock);
    const [a, b] = [spec('a'), spec('b')];
    try {
      await store.syncMonitors([a, b], 0);
      store.appendTransition({ monitorId: a.id, at: NOW - 120 * MIN, state: 'up' });
      store.appendTransition({ monitorId: b.id, at: NOW - 120 * MIN, state: 'up' });
      store.appendTransition({ monitorId: b.id, at: NOW - 30 * MIN, state: 'down' });
      store.appendTransition({ monitorId: b.id, at: NOW - 20 * MIN, state: 'up' });
      const book = new UptimeBook(store, clock, () => []);
      assert.equal((await book.one(b, { from: NOW - 60 * MIN, to: NOW })).downMs, 10 * MIN);
      assert.equal((await book.one(b, { from: NOW - 25 * MIN, to: NOW })).downMs, 5 * MIN, 'the state in force at the start counts');
      assert.equal((await book.last(60 * MIN, [a])).get(a.id)?.downMs, 0);
      // A monitor page after another's, within the cache's lifetime: computed, not a miss.
      assert.equal((await book.last(60 * MIN, [b])).get(b.id)?.downMs, 10 * MIN);
      assert.equal((await book.last(60 * MIN, [a, b])).get(a.id)?.downMs, 0);
    } finally {
      await store.close();
    }
  });
});

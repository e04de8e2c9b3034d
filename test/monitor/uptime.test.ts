import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { MonitorState, Transition } from '../../src/monitor/store/store.js';
import { calendarMonth, computeUptime, inMaintenance, maintenanceSpans, occurrences, type MaintenanceRule } from '../../src/monitor/uptime.js';

const DAY = Date.UTC(2026, 2, 10);
const MIN = 60_000;
const at = (hh: number, mm: number, ss = 0) => DAY + hh * 3_600_000 + mm * MIN + ss * 1000;
const tr = (t: number, state: MonitorState): Transition => ({ monitorId: 'route:checkout', at: t, state });

/**
 * A scripted day of the checkout monitor:
 *   00:00 up (state in force since the day before)
 *   02:00–02:30 down                       30 min down
 *   03:00–04:00 maintenance; down 03:10–03:40 inside it (excluded)
 *   10:00–10:15 the monitor itself offline  15 min no data
 *   12:00:00–12:06:00 down                  6 min down
 *   20:00–20:30 the monitor process stopped 30 min no data
 *   23:59:30–24:00 down                     30 s down (still down at the end of the day)
 */
const SCHEDULE: Transition[] = [
  tr(at(-1, 0), 'up'),
  tr(at(2, 0), 'down'),
  tr(at(2, 30), 'up'),
  tr(at(3, 10), 'down'),
  tr(at(3, 40), 'up'),
  tr(at(12, 0), 'down'),
  tr(at(12, 6), 'up'),
  tr(at(20, 0), 'nodata'),
  tr(at(20, 30), 'up'),
  tr(at(23, 59, 30), 'down'),
];
const MAINTENANCE: MaintenanceRule[] = [{ name: 'db upgrade', monitors: ['checkout'], startMs: at(3, 0), durationMs: 60 * MIN }];
const OFFLINE = [{ start: at(10, 0), end: at(10, 15) }];

describe('time-weighted uptime', () => {
  it('matches the scripted 24 h schedule exactly', () => {
    const window = { from: at(0, 0), to: at(24, 0) };
    const uptime = computeUptime(SCHEDULE, window, at(24, 0), { maintenance: maintenanceSpans(MAINTENANCE, 'checkout', window.from, window.to), offline: OFFLINE });
    const downMs = 30 * MIN + 6 * MIN + 30_000;
    const maintenanceMs = 60 * MIN;
    const noDataMs = 15 * MIN + 30 * MIN;
    const upMs = 24 * 60 * MIN - downMs - maintenanceMs - noDataMs;
    assert.deepEqual(uptime, { upMs, downMs, maintenanceMs, noDataMs, ratio: upMs / (upMs + downMs) });
    assert.equal(upMs, 1_298.5 * MIN);
    assert.equal((uptime.ratio! * 100).toFixed(4), '97.2659');
  });

  it('counts no time before the first check, nor after now', () => {
    const transitions = [tr(at(6, 0), 'up'), tr(at(7, 0), 'down')];
    const uptime = computeUptime(transitions, { from: at(0, 0), to: at(24, 0) }, at(7, 15), { maintenance: [], offline: [] });
    assert.deepEqual(uptime, { upMs: 60 * MIN, downMs: 15 * MIN, maintenanceMs: 0, noDataMs: 6 * 60 * MIN, ratio: 0.8 });
  });

  it('excludes paused time and has no ratio when nothing was measured', () => {
    assert.deepEqual(computeUptime([tr(at(0, 0), 'paused')], { from: at(0, 0), to: at(1, 0) }, at(1, 0), { maintenance: [], offline: [] }), {
      upMs: 0,
      downMs: 0,
      maintenanceMs: 0,
      noDataMs: 60 * MIN,
    });
  });

  it('gives the same figure whatever the check interval (time, not a count of checks)', () => {
    // Down for 10 minutes of an hour: 5 failing checks of 10 at a 6-minute interval, or 20 of 120 at 30 s.
    const uptime = computeUptime([tr(at(0, 0), 'up'), tr(at(0, 20), 'down'), tr(at(0, 30), 'up')], { from: at(0, 0), to: at(1, 0) }, at(2, 0), { maintenance: [], offline: [] });
    assert.equal(uptime.ratio, 50 / 60);
  });
});

describe('maintenance windows', () => {
  const weekly: MaintenanceRule = { name: 'Sunday deploys', startMs: Date.UTC(2026, 0, 4, 2, 0), durationMs: 60 * MIN, repeat: 'weekly' };

  it('expands a recurring window over a month', () => {
    const spans = occurrences(weekly, Date.UTC(2026, 1, 1), Date.UTC(2026, 2, 1));
    assert.deepEqual(
      spans.map((s) => new Date(s.start).toISOString()),
      ['2026-02-01T02:00:00.000Z', '2026-02-08T02:00:00.000Z', '2026-02-15T02:00:00.000Z', '2026-02-22T02:00:00.000Z'],
    );
    assert.ok(spans.every((s) => s.end! - s.start === 60 * MIN));
  });

  it('includes an occurrence that started before the range, and none before the first start', () => {
    assert.equal(occurrences(weekly, Date.UTC(2026, 1, 1, 2, 30), Date.UTC(2026, 1, 1, 3, 0)).length, 1);
    assert.deepEqual(occurrences(weekly, Date.UTC(2025, 11, 1), Date.UTC(2026, 0, 4)), []);
  });

  it('knows whether a monitor is in maintenance now, by name', () => {
    const rules: MaintenanceRule[] = [{ name: 'api', monitors: ['orders'], startMs: at(3, 0), durationMs: 30 * MIN }, weekly];
    assert.equal(inMaintenance(rules, 'orders', at(3, 10))?.name, 'api');
    assert.equal(inMaintenance(rules, 'home', at(3, 10)), undefined);
    assert.equal(inMaintenance(rules, 'home', Date.UTC(2026, 2, 8, 2, 59))?.name, 'Sunday deploys');
  });

  it('gives the calendar month for the SLA report', () => {
    assert.deepEqual(calendarMonth(Date.UTC(2026, 1, 14, 13)), { from: Date.UTC(2026, 1, 1), to: Date.UTC(2026, 2, 1) });
  });
});

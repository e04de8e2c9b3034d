import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { intendedOffset, runOpenModel, scheduledCount, type OpenModelOptions } from '../../src/latency/open-model.js';
import { FakeClock } from './fake-clock.js';

interface Sent {
  index: number;
  intendedAt: number;
  sentAt: number;
}

/** Runs the schedule on a fake clock; requests end immediately unless `hold` keeps them open. */
async function run(over: Partial<OpenModelOptions> & { clock?: FakeClock; hold?: boolean } = {}) {
  const clock = over.clock ?? new FakeClock();
  clock.advance(1000);
  const sent: Sent[] = [];
  const late: number[] = [];
  const dropped: number[] = [];
  const pending: Array<() => void> = [];
  const result = runOpenModel({
    clock,
    ratePerSecond: 100,
    durationMs: 100,
    maxRequests: Infinity,
    maxInFlight: 1000,
    send: (index, intendedAt, done) => {
      sent.push({ index, intendedAt, sentAt: clock.now() });
      if (over.hold) pending.push(done);
      else queueMicrotask(done);
    },
    onLate: (ms) => late.push(ms),
    onDropped: (at) => dropped.push(at),
    ...over,
  });
  if (over.hold) {
    // Let the schedule run, then release every held request so the run can drain.
    while (pending.length < sent.length || sent.length === 0) await new Promise((r) => setImmediate(r));
    for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
    for (const done of pending) done();
  }
  return { ...(await result), sent, late, dropped };
}

describe('open model schedule', () => {
  it('holds rate × duration requests, capped', () => {
    assert.equal(scheduledCount(100, 1000, Infinity), 100);
    assert.equal(scheduledCount(200, 25_000, Infinity), 5000);
    assert.equal(scheduledCount(3, 1000, Infinity), 3);
    assert.equal(scheduledCount(2.5, 1000, Infinity), 3, 'a request due at 0, 400 and 800 ms');
    assert.equal(scheduledCount(100, 60_000, 200), 200);
  });

  it('computes each intended time from the start, so rounding never accumulates', () => {
    assert.equal(intendedOffset(0, 3), 0);
    assert.equal(intendedOffset(3, 3), 1000);
    let accumulated = 0;
    for (let i = 0; i < 300_000; i++) accumulated += 1000 / 3;
    assert.notEqual(accumulated, 100_000_000, 'summing the interval drifts');
    assert.equal(intendedOffset(300_000, 3), 100_000_000);
  });

  it('sends each request at its intended time when the clock is punctual', async () => {
    const r = await run();
    assert.equal(r.sent.length, 10);
    assert.deepEqual(
      r.sent.map((s) => s.intendedAt - r.startedAt),
      [0, 10, 20, 30, 40, 50, 60, 70, 80, 90],
    );
    assert.ok(r.sent.every((s) => s.sentAt === s.intendedAt));
    assert.deepEqual(r.late, Array(10).fill(0));
  });

  it('sends a late backlog at once, each still timed from its own intended time', async () => {
    const clock = new FakeClock();
    // The third sleep oversleeps by 25 ms: requests due at 20, 30 and 40 ms go out together at 45.
    clock.overshoot = (call) => (call === 1 ? 25 : 0);
    const r = await run({ clock });
    assert.equal(r.sent.length, 10);
    const at = (i: number) => r.sent[i].intendedAt - r.startedAt;
    assert.deepEqual([at(2), at(3), at(4)], [20, 30, 40]);
    assert.deepEqual(
      r.sent.slice(2, 5).map((s) => s.sentAt - r.startedAt),
      [45, 45, 45],
    );
    assert.deepEqual(r.late.slice(2, 5), [25, 15, 5]);
    assert.equal(r.dropped.length, 0);
  });

  it('drops and counts sends beyond the in-flight cap instead of queueing them', async () => {
    const r = await run({ hold: true, maxInFlight: 4 });
    assert.equal(r.sent.length, 4);
    assert.equal(r.dropped.length, 6);
    assert.deepEqual(
      r.dropped.map((t) => t - r.startedAt),
      [40, 50, 60, 70, 80, 90],
    );
  });

  it('stops at the request cap', async () => {
    const r = await run({ maxRequests: 3 });
    assert.equal(r.sent.length, 3);
    assert.equal(r.scheduled, 3);
  });

  it('stops scheduling when aborted', async () => {
    const stop = new AbortController();
    let sent = 0;
    const r = await run({
      signal: stop.signal,
      send: (_index, _at, done) => {
        if (++sent === 3) stop.abort();
        queueMicrotask(done);
      },
    });
    assert.equal(sent, 3);
    assert.equal(r.scheduled, 3);
  });
});

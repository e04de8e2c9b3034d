import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runClosedModel } from '../../src/latency/closed-model.js';
import { FakeClock } from './fake-clock.js';

/** Each request takes `serviceMs` of fake time, ended on a later microtask like real I/O. */
function sender(clock: FakeClock, serviceMs: number, log: Array<{ index: number; at: number }>) {
  return (index: number, startedAt: number, done: () => void) => {
    log.push({ index, at: startedAt });
    queueMicrotask(() => {
      clock.advance(serviceMs);
      done();
    });
  };
}

describe('closed model', () => {
  it('starts one request per user, then the next as each one ends, until the duration is over', async () => {
    const clock = new FakeClock();
    const log: Array<{ index: number; at: number }> = [];
    const r = await runClosedModel({ clock, users: 3, durationMs: 100, maxRequests: Infinity, send: sender(clock, 10, log) });
    assert.equal(r.sent, log.length);
    assert.deepEqual(
      log.slice(0, 3).map((l) => l.at),
      [0, 0, 0],
      'every user starts at once',
    );
    assert.ok(log.every((l) => l.at < 100), 'nothing starts after the duration');
    assert.deepEqual(
      log.map((l) => l.index),
      log.map((_, i) => i),
    );
  });

  it('stops at the request cap', async () => {
    const clock = new FakeClock();
    const log: Array<{ index: number; at: number }> = [];
    const r = await runClosedModel({ clock, users: 4, durationMs: 10_000, maxRequests: 10, send: sender(clock, 1, log) });
    assert.equal(r.sent, 10);
    assert.equal(log.length, 10);
  });

  it('stops when aborted', async () => {
    const clock = new FakeClock();
    const stop = new AbortController();
    const log: Array<{ index: number; at: number }> = [];
    const send = sender(clock, 1, log);
    const r = await runClosedModel({
      clock,
      users: 2,
      durationMs: 10_000,
      maxRequests: Infinity,
      signal: stop.signal,
      send: (i, at, done) => {
        if (i === 5) stop.abort();
        send(i, at, done);
      },
    });
    assert.equal(r.sent, 6);
  });
});

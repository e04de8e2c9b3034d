import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RunRecorder } from '../../src/latency/recorder.js';

/** Within HdrHistogram's 3 significant digits. */
const near = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) <= expected * 0.001, `${actual} is not ${expected} ±0.1 %`);

describe('RunRecorder', () => {
  it('counts statuses and treats 4xx and 5xx answers as errors, timed like any response', () => {
    const r = new RunRecorder();
    r.record({ startAt: 0, headersAt: 10, endAt: 12, status: 200 });
    r.record({ startAt: 0, headersAt: 20, endAt: 20, status: 503 });
    r.record({ startAt: 0, headersAt: 5, endAt: 5, status: 404 });
    const t = r.totals();
    assert.deepEqual(t.statusCounts, { 200: 1, 404: 1, 503: 1 });
    assert.deepEqual(t.errorKinds, { '5xx': 1, '4xx': 1 });
    assert.equal(t.errors, 2);
    assert.equal(t.total.count, 3);
    assert.equal(t.ttfb.count, 3);
    assert.deepEqual(t.errorSamples, ['HTTP 503', 'HTTP 404']);
  });

  it('keeps failed requests out of the latency histograms but in the error counts', () => {
    const r = new RunRecorder();
    r.record({ startAt: 0, endAt: 1, error: { kind: 'connect', message: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1' } });
    r.record({ startAt: 0, headersAt: 3, endAt: 9, status: 200, error: { kind: 'too-large', message: 'body larger than 10 bytes' } });
    const t = r.totals();
    assert.equal(t.requests, 2);
    assert.equal(t.errors, 2);
    assert.deepEqual(t.errorKinds, { connect: 1, 'too-large': 1 });
    assert.equal(t.total.count, 0);
    assert.equal(t.ttfb.count, 1, 'the too-large response had headers');
  });

  it('times a timed-out request at the moment it was given up, so a long stall stays in the percentiles', () => {
    const r = new RunRecorder();
    for (let i = 0; i < 18; i++) r.record({ startAt: 0, headersAt: 10, endAt: 10, status: 200 });
    r.record({ startAt: 0, endAt: 2000, error: { kind: 'timeout', message: 'no complete response within 2000 ms' } });
    r.record({ startAt: 0, headersAt: 40, endAt: 2000, status: 200, error: { kind: 'timeout', message: 'no complete response within 2000 ms' } });
    const t = r.totals();
    assert.equal(t.errors, 2);
    assert.deepEqual(t.errorKinds, { timeout: 2 });
    assert.equal(t.total.count, 20);
    near(t.total.p95, 2000);
    assert.equal(t.ttfb.count, 20);
    near(t.ttfb.max, 2000);
    assert.deepEqual(t.serverTiming, []);
  });

  it('breaks Server-Timing down per component', () => {
    const r = new RunRecorder();
    for (let i = 1; i <= 20; i++) r.record({ startAt: 0, headersAt: 900, endAt: 901, status: 200, serverTiming: `db;dur=${i}, model;dur=${800 + i}` });
    r.record({ startAt: 0, headersAt: 5, endAt: 6, status: 200, serverTiming: ['cache;dur=0.5'] });
    const byName = Object.fromEntries(r.totals().serverTiming.map((c) => [c.name, c]));
    assert.deepEqual(Object.keys(byName), ['db', 'model', 'cache']);
    assert.equal(byName.db.count, 20);
    near(byName.db.p50, 10);
    near(byName.db.p95, 19);
    near(byName.model.p95, 819);
    assert.equal(byName.cache.count, 1);
  });

  it('accounts for late and dropped sends', () => {
    const r = new RunRecorder();
    for (const late of [0, 0.4, 1.9, 2.5, 40]) r.sendDelay(late);
    r.drop(100);
    const t = r.totals();
    assert.equal(t.sends.late, 2, 'over 2 ms late');
    assert.equal(t.sends.maxLateMs, 40);
    assert.equal(t.sends.dropped, 1);
    assert.deepEqual(t.errorKinds, { dropped: 1 }, 'a dropped send counts as a failed request');
    assert.equal(t.requests, 1);
  });

  it('reports the p95 of each interval and folds it into the totals', () => {
    const r = new RunRecorder();
    for (let i = 0; i < 10; i++) r.record({ startAt: 0, headersAt: 5, endAt: 5, status: 200 });
    const first = r.takeInterval();
    assert.equal(first.count, 10);
    near(first.p95, 5);
    r.record({ startAt: 0, headersAt: 500, endAt: 500, status: 200 });
    const second = r.takeInterval();
    assert.equal(second.count, 1);
    near(second.p95, 500);
    assert.deepEqual(r.takeInterval(), { count: 0, p95: 0 });
    assert.equal(r.totals().total.count, 11);
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { failureExplainedByStalls, StallMeter, stalledWithin, type Stall } from '../../src/latency/audit/own-stalls.js';
import type { Outcome } from '../../src/latency/recorder.js';
import { summary, targetRun } from './artifacts.js';

/** Ten answers of 10 ms sent every 50 ms from t=0, the ones in `slow` (index: extra ms) slower. */
function outcomes(slow: Record<number, number> = {}): Outcome[] {
  return Array.from({ length: 10 }, (_, i) => ({ startAt: i * 50, headersAt: i * 50 + 10 + (slow[i] ?? 0), endAt: i * 50 + 10 + (slow[i] ?? 0), status: 200 }));
}

/** The run those outcomes make: p95 is the slowest, against `budget`. */
const runOf = (os: Outcome[], budget: string[]) => targetRun({ budget, total: summary({ p95: Math.max(...os.map((o) => o.endAt - o.startAt)) }) });

describe('stalledWithin', () => {
  it('adds up the parts of the stalls inside the window', () => {
    const stalls: Stall[] = [
      [10, 30],
      [50, 60],
      [100, 200],
    ];
    assert.equal(stalledWithin(stalls, 0, 1000), 130);
    assert.equal(stalledWithin(stalls, 20, 55), 15);
    assert.equal(stalledWithin(stalls, 60, 100), 0);
    assert.equal(stalledWithin([], 0, 1000), 0);
  });
});

describe('failureExplainedByStalls', () => {
  it('is true when the budget holds once the stall during each request is taken off', () => {
    // The auditor was busy from 100 to 400 ms: the request sent at 100 ms took 310 ms.
    const os = outcomes({ 2: 300 });
    assert.equal(failureExplainedByStalls(runOf(os, ['p95 < 100ms']), os, [[100, 400]]), true);
  });

  it('is false when the requests were slow beyond the stalls: the target is slow', () => {
    const os = outcomes({ 2: 300 });
    assert.equal(failureExplainedByStalls(runOf(os, ['p95 < 100ms']), os, [[100, 150]]), false);
  });

  it('is false when a stall came between requests, not during the slow one', () => {
    const os = outcomes({ 6: 300 });
    assert.equal(failureExplainedByStalls(runOf(os, ['p95 < 100ms']), os, [[100, 280]]), false);
  });

  it('is false without stalls or without a failed latency budget', () => {
    const os = outcomes({ 2: 300 });
    assert.equal(failureExplainedByStalls(runOf(os, ['p95 < 100ms']), os, []), false);
    assert.equal(failureExplainedByStalls(runOf(os, ['p95 < 1000ms']), os, [[100, 400]]), false, 'nothing failed');
    const failing = targetRun({ budget: ['errorRate < 1%'], errorRatePercent: 20, errors: 20 });
    assert.equal(failureExplainedByStalls(failing, os, [[0, 1000]]), false, 'errors are not latency');
  });

  it('counts timed-out requests like the run does, and leaves other failures out', () => {
    const os: Outcome[] = [
      ...outcomes(),
      { startAt: 0, endAt: 2000, error: { kind: 'timeout', message: 'no complete response within 2000 ms' } },
      { startAt: 0, endAt: 1, error: { kind: 'connect', message: 'ECONNREFUSED' } },
    ];
    const run = targetRun({ budget: ['max < 100ms'], total: summary({ max: 2000 }) });
    assert.equal(failureExplainedByStalls(run, os, [[0, 500]]), false, 'a 2 s timeout is not a 0.5 s stall');
    assert.equal(failureExplainedByStalls(run, os, [[0, 1950]]), true);
  });
});

describe('StallMeter', () => {
  it('records the time this process’s event loop was held', async () => {
    const meter = new StallMeter();
    meter.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const from = performance.now();
    while (performance.now() - from < 80) {
      // holds the loop, like a collector's synchronous work
    }
    const to = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
    meter.stop();
    assert.ok(stalledWithin(meter.stalls, from, to) >= 50, JSON.stringify(meter.stalls));
  });
});

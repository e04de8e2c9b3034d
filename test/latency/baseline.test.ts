import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../../src/core/errors.js';
import { compareToBaseline, parseBaseline, parseTolerance, toBaseline } from '../../src/latency/baseline.js';
import type { LatencySummary } from '../../src/latency/histogram.js';
import type { TargetRun } from '../../src/latency/result.js';

const p95 = (value: number): LatencySummary => ({ count: 100, min: 1, mean: value / 2, p50: value / 2, p90: value, p95: value, p99: value, p999: value, max: value });

describe('compareToBaseline (default: worse by more than 20 % and more than 50 ms)', () => {
  const cases: Array<[number, number, boolean, string]> = [
    [4, 6, false, '+50 % but only 2 ms: noise on a fast endpoint'],
    [300, 355, false, '+55 ms but only 18 %'],
    [100, 160, true, '+60 % and +60 ms'],
    [1000, 1300, true, '+30 % and +300 ms'],
    [1000, 1200, false, 'exactly 20 % is not beyond it'],
    [200, 250, false, 'exactly 50 ms is not beyond it'],
    [500, 400, false, 'faster'],
  ];
  for (const [base, now, regressed, why] of cases) {
    it(`${base} ms -> ${now} ms: ${regressed ? 'regressed' : 'ok'} (${why})`, () => {
      const r = compareToBaseline(p95(now), p95(base));
      assert.equal(r.regressed, regressed);
      assert.deepEqual([r.baselineP95, r.currentP95], [base, now]);
    });
  }

  it('takes another tolerance', () => {
    assert.equal(compareToBaseline(p95(110), p95(100), { percent: 5, ms: 5 }).regressed, true);
  });
});

describe('parseTolerance', () => {
  it('reads a percentage and a margin, in any order, each keeping its default when left out', () => {
    assert.deepEqual(parseTolerance('10%,20ms'), { percent: 10, ms: 20 });
    assert.deepEqual(parseTolerance('1s 5%'), { percent: 5, ms: 1000 });
    assert.deepEqual(parseTolerance('35%'), { percent: 35, ms: 50 });
    assert.deepEqual(parseTolerance('0ms'), { percent: 20, ms: 0 });
    assert.deepEqual(parseTolerance('0%,0'), { percent: 0, ms: 0 });
  });

  it('refuses anything else, naming the part', () => {
    for (const bad of ['', 'fast', '10', '10%,soon', '-5%']) {
      assert.throws(
        () => parseTolerance(bad),
        (err: unknown) => err instanceof UsageError && err.code === 'LR_BAD_TOLERANCE',
        bad,
      );
    }
  });
});

describe('baseline files', () => {
  const run = { name: 'orders', url: 'https://api.acme.test/api/orders/1', method: 'GET', requests: 300, errorRatePercent: 0, total: p95(400), ttfb: p95(390) } as TargetRun;

  it('round-trips through JSON', () => {
    const saved = toBaseline([run], new Date('2026-11-28T12:00:00Z'));
    const back = parseBaseline(JSON.stringify(saved), 'base.json');
    assert.deepEqual(back, saved);
    assert.equal(back.targets[0].total.p95, 400);
    assert.equal(back.savedAt, '2026-11-28T12:00:00.000Z');
  });

  it('refuses a file that is not a baseline', () => {
    for (const text of ['not json', '{}', '{"kind":"launch-ready-bench-baseline","targets":[{"name":"x"}]}', JSON.stringify({ findings: [] })]) {
      assert.throws(
        () => parseBaseline(text, 'base.json'),
        (err: unknown) => err instanceof UsageError && err.code === 'LR_BASELINE_INVALID' && err.message.startsWith('--baseline base.json'),
      );
    }
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../../src/core/errors.js';
import type { LatencySummary } from '../../src/latency/histogram.js';
import { evaluateThresholds, formatThreshold, mergeThresholds, parseThreshold, thresholdsFromBudget } from '../../src/latency/thresholds.js';

const summary = (over: Partial<LatencySummary>): LatencySummary => ({ count: 100, min: 1, mean: 10, p50: 8, p90: 20, p95: 30, p99: 60, p999: 90, max: 100, ...over });

describe('parseThreshold', () => {
  it('reads latency budgets in ms, s and m, and bare milliseconds', () => {
    assert.deepEqual(parseThreshold('p95 < 2000ms'), { metric: 'p95', op: '<', limit: 2000 });
    assert.deepEqual(parseThreshold('p99<=5s'), { metric: 'p99', op: '<=', limit: 5000 });
    assert.deepEqual(parseThreshold('max < 1m'), { metric: 'max', op: '<', limit: 60_000 });
    assert.deepEqual(parseThreshold('p50 < 250'), { metric: 'p50', op: '<', limit: 250 });
    assert.deepEqual(parseThreshold('P99.9 < 1.5s'), { metric: 'p999', op: '<', limit: 1500 });
    assert.deepEqual(parseThreshold('mean < 80ms'), { metric: 'mean', op: '<', limit: 80 });
  });

  it('reads error-rate budgets as percentages', () => {
    assert.deepEqual(parseThreshold('errorRate < 1%'), { metric: 'errorRate', op: '<', limit: 1 });
    assert.deepEqual(parseThreshold('error-rate <= 0.5%'), { metric: 'errorRate', op: '<=', limit: 0.5 });
  });

  it('refuses what it cannot read, saying what it expects', () => {
    for (const bad of ['p95 > 2000ms', 'p96 < 2s', 'p95 < fast', 'errorRate < 120%', 'p95 < -5ms', 'p95 2000ms', '']) {
      assert.throws(
        () => parseThreshold(bad),
        (err: unknown) => err instanceof UsageError && err.code === 'LR_BAD_THRESHOLD' && err.message.includes(`"${bad}"`),
        bad,
      );
    }
  });

  it('formats back to what the user wrote, normalised', () => {
    assert.equal(formatThreshold(parseThreshold('p95<2s')), 'p95 < 2000ms');
    assert.equal(formatThreshold(parseThreshold('errorRate <= 1 %')), 'errorRate <= 1%');
  });
});

describe('budgets', () => {
  it('reads the config mapping as strict upper bounds', () => {
    assert.deepEqual(thresholdsFromBudget({ p95Ms: 2000, errorRatePercent: 1 }), [
      { metric: 'p95', op: '<', limit: 2000 },
      { metric: 'errorRate', op: '<', limit: 1 },
    ]);
    assert.deepEqual(thresholdsFromBudget(undefined), []);
  });

  it('lets a later list override a metric of an earlier one', () => {
    const merged = mergeThresholds([parseThreshold('p95 < 2s'), parseThreshold('p99 < 5s')], [parseThreshold('p95 < 500ms')]);
    assert.deepEqual(merged.map(formatThreshold), ['p95 < 500ms', 'p99 < 5000ms']);
  });

  it('passes and fails each threshold against the measured values', () => {
    const results = evaluateThresholds([parseThreshold('p95 < 30ms'), parseThreshold('p95 <= 30ms'), parseThreshold('p99 < 100ms'), parseThreshold('errorRate < 1%')], {
      total: summary({}),
      errorRatePercent: 2.5,
    });
    assert.deepEqual(
      results.map((r) => [r.text, r.value, r.pass]),
      [
        ['p95 < 30ms', 30, false],
        ['p95 <= 30ms', 30, true],
        ['p99 < 100ms', 60, true],
        ['errorRate < 1%', 2.5, false],
      ],
    );
  });

  it('fails a latency budget when nothing was measured, rather than reading 0 ms', () => {
    const [latency, errors] = evaluateThresholds([parseThreshold('p95 < 30ms'), parseThreshold('errorRate < 50%')], { total: summary({ count: 0, p95: 0 }), errorRatePercent: 100 });
    assert.deepEqual([latency.value, latency.pass], [null, false]);
    assert.deepEqual([errors.value, errors.pass], [100, false]);
  });
});

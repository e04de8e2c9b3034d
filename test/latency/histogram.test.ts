import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LatencyHistogram } from '../../src/latency/histogram.js';

/** Within HdrHistogram's 3 significant digits. */
function near(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= expected * 0.001 + 0.001, `${what}: ${actual} is not ${expected} ±0.1 %`);
}

describe('LatencyHistogram', () => {
  it('summarises an empty histogram as zeros', () => {
    assert.deepEqual(new LatencyHistogram().summary(), { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0 });
  });

  it('reports percentiles of a known distribution at microsecond resolution', () => {
    const h = new LatencyHistogram();
    for (let i = 1; i <= 10_000; i++) h.record(i / 10); // 0.1 ms … 1000 ms
    const s = h.summary();
    assert.equal(s.count, 10_000);
    near(s.min, 0.1, 'min');
    near(s.p50, 500, 'p50');
    near(s.p90, 900, 'p90');
    near(s.p95, 950, 'p95');
    near(s.p99, 990, 'p99');
    near(s.p999, 999, 'p99.9');
    near(s.max, 1000, 'max');
    near(s.mean, 500.05, 'mean');
  });

  it('keeps sub-millisecond values apart', () => {
    const h = new LatencyHistogram();
    h.record(0.25);
    h.record(0.75);
    assert.equal(h.percentile(50), 0.25);
    assert.equal(h.percentile(100), 0.75);
  });

  it('counts a value under a microsecond as one, and clamps values beyond an hour', () => {
    const h = new LatencyHistogram();
    h.record(0);
    h.record(5 * 3_600_000);
    assert.equal(h.summary().min, 0.001);
    near(h.summary().max, 3_600_000, 'max');
  });

  it('merges: adding histograms gives what recording everything in one gives', () => {
    const a = new LatencyHistogram();
    const b = new LatencyHistogram();
    const all = new LatencyHistogram();
    for (let i = 0; i < 5000; i++) {
      const fast = 1 + (i % 97) / 10;
      const slow = 200 + (i % 89) * 3;
      a.record(fast);
      b.record(slow);
      all.record(fast);
      all.record(slow);
    }
    const merged = new LatencyHistogram();
    merged.add(a);
    merged.add(b);
    assert.deepEqual(merged.summary(), all.summary());
    assert.equal(a.count, 5000, 'the sources are left as they were');
  });

  it('starts over after reset', () => {
    const h = new LatencyHistogram();
    h.record(10);
    h.reset();
    assert.equal(h.count, 0);
    h.record(3);
    near(h.percentile(50), 3, 'p50');
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseServerTiming } from '../../src/latency/server-timing.js';

describe('parseServerTiming', () => {
  it('reads each metric with a duration', () => {
    assert.deepEqual(parseServerTiming('db;dur=12, model;dur=840.5'), [
      { name: 'db', durMs: 12 },
      { name: 'model', durMs: 840.5 },
    ]);
  });

  it('reads every header value in order', () => {
    assert.deepEqual(parseServerTiming(['db;dur=1', 'cache;dur=0.2']), [
      { name: 'db', durMs: 1 },
      { name: 'cache', durMs: 0.2 },
    ]);
  });

  it('keeps commas and semicolons inside a quoted desc from splitting metrics', () => {
    assert.deepEqual(parseServerTiming('db;desc="orders, customers; joined";dur=7, app;dur=9'), [
      { name: 'db', durMs: 7 },
      { name: 'app', durMs: 9 },
    ]);
  });

  it('accepts whitespace, upper-case parameter names and quoted values', () => {
    assert.deepEqual(parseServerTiming('  model ; DUR = "850" '), [{ name: 'model', durMs: 850 }]);
  });

  it('skips metrics without a usable duration', () => {
    assert.deepEqual(parseServerTiming('miss, cache;desc=hit, db;dur=abc, x;dur=, y;dur=-1, ok;dur=3'), [{ name: 'ok', durMs: 3 }]);
  });

  it('takes the first dur of a metric', () => {
    assert.deepEqual(parseServerTiming('db;dur=5;dur=9'), [{ name: 'db', durMs: 5 }]);
  });

  it('skips names that are not tokens', () => {
    assert.deepEqual(parseServerTiming('"db";dur=5, a b;dur=2, ;dur=1'), []);
  });
});

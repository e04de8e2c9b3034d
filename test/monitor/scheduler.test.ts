import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Scheduler, type RunReason } from '../../src/monitor/schedule/scheduler.js';
import { ManualClock } from './manual-clock.js';

interface Run {
  id: string;
  dueAt: number;
  startedAt: number;
  reason: RunReason;
}

/** A scheduler whose checks finish at once (or when `hold` says so). */
function setup(concurrency = 100, hold?: (id: string) => Promise<void> | undefined) {
  const clock = new ManualClock(Date.UTC(2026, 0, 5, 10, 0, 0));
  const runs: Run[] = [];
  const scheduler = new Scheduler(clock, concurrency, async (id, dueAt, reason) => {
    runs.push({ id, dueAt, startedAt: clock.now(), reason });
    await hold?.(id);
  });
  return { clock, runs, scheduler, t0: clock.now() };
}

describe('scheduler', () => {
  it('spreads the first checks evenly over one interval, none at boot or on the minute', async () => {
    const { clock, runs, scheduler, t0 } = setup();
    scheduler.addAll(Array.from({ length: 60 }, (_, i) => ({ id: `m${i}`, intervalMs: 60_000 })));
    await clock.advance(60_000);
    assert.equal(runs.length, 60);
    const offsets = runs.map((r) => r.dueAt - t0).sort((a, b) => a - b);
    assert.deepEqual(offsets, Array.from({ length: 60 }, (_, i) => 500 + i * 1000));
    assert.ok(runs.every((r) => r.startedAt === r.dueAt), 'nothing started late');
  });

  it('keeps a fixed rate: every monitor runs once per interval at the same phase', async () => {
    const { clock, runs, scheduler } = setup();
    clock.settle = () => scheduler.idle();
    scheduler.addAll([
      { id: 'a', intervalMs: 60_000 },
      { id: 'b', intervalMs: 60_000 },
      { id: 'fast', intervalMs: 10_000 },
    ]);
    await clock.advance(10 * 60_000);
    const of = (id: string) => runs.filter((r) => r.id === id).map((r) => r.dueAt);
    assert.equal(of('a').length, 10);
    assert.equal(of('fast').length, 60);
    const gaps = of('a').slice(1).map((t, i) => t - of('a')[i]);
    assert.ok(gaps.every((g) => g === 60_000), `gaps ${gaps}`);
  });

  it('bounds concurrency; queued checks start as soon as a slot frees, and their lateness is measured', async () => {
    const release = new Map<string, () => void>();
    const { clock, runs, scheduler } = setup(2, (id) => new Promise<void>((resolve) => release.set(id, resolve)));
    scheduler.addAll(['a', 'b', 'c', 'd'].map((id) => ({ id, intervalMs: 4000 })));
    await clock.advance(4000);
    assert.deepEqual(runs.map((r) => r.id), ['a', 'b'], 'two in flight at most');
    assert.equal(scheduler.stats.queued, 2);
    await clock.advance(250);
    release.get('a')!();
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(runs.map((r) => r.id), ['a', 'b', 'c']);
    assert.equal(runs[2].startedAt - runs[2].dueAt, 4000 + 250 - 2500, 'c started 1750 ms late');
    assert.equal(scheduler.stats.lateness.max, 1750);
  });

  it('never lets a hung check delay the others: its own turns are skipped instead', async () => {
    const { clock, runs, scheduler } = setup(10, (id) => (id === 'hung' ? new Promise<void>(() => undefined) : undefined));
    scheduler.addAll(['hung', 'ok1', 'ok2'].map((id) => ({ id, intervalMs: 1000 })));
    await clock.advance(10_000);
    assert.equal(runs.filter((r) => r.id === 'hung').length, 1);
    assert.equal(runs.filter((r) => r.id === 'ok1').length, 10);
    assert.ok(runs.filter((r) => r.id !== 'hung').every((r) => r.startedAt === r.dueAt));
    assert.equal(scheduler.stats.skipped, 9);
  });

  it('places a monitor added later in the widest gap, within one interval', async () => {
    const { clock, runs, scheduler, t0 } = setup();
    scheduler.addAll([
      { id: 'a', intervalMs: 60_000 },
      { id: 'b', intervalMs: 60_000 },
    ]);
    // Phases 15 s and 45 s; the gaps are equal, the first widest one is after 15 s.
    scheduler.add('c', 60_000);
    await clock.advance(60_000);
    const c = runs.find((r) => r.id === 'c')!;
    assert.equal(c.dueAt - t0, 30_000);
    scheduler.add('d', 60_000);
    await clock.advance(60_000);
    // Phases now 15, 30 and 45 s: the widest gap is from 45 s to 75 s, so d goes at 60 s, i.e. now.
    const d = runs.find((r) => r.id === 'd')!;
    assert.equal(d.dueAt - t0, 60_000);
  });

  it('runs a re-check at the time asked, besides the regular turns, and forgets removed monitors', async () => {
    const { clock, runs, scheduler, t0 } = setup();
    scheduler.addAll([{ id: 'a', intervalMs: 60_000 }]);
    await clock.advance(30_000);
    scheduler.recheck('a', clock.now() + 20_000);
    await clock.advance(30_000);
    assert.deepEqual(
      runs.map((r) => [r.reason, r.dueAt - t0]),
      [
        ['scheduled', 30_000],
        ['recheck', 50_000],
      ],
    );
    scheduler.remove('a');
    await clock.advance(120_000);
    assert.equal(runs.length, 2);
  });
});

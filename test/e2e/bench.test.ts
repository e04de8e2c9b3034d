/**
 * `launch-ready bench` against running demo worlds (`demo --serve`), through the config each writes:
 * the flawed world's slow order lookup and chat stalls fail their budgets, the fixed world passes, and
 * the Server-Timing breakdown tells the model call from the database.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TargetRun } from '../../src/latency/result.js';
import { runCli } from '../helpers/cli.js';
import { serveDemoWorld, type ServedWorld } from '../helpers/demo-world.js';

interface BenchJson {
  targets: TargetRun[];
  failures: string[];
}

/** Half a second per target: enough for a whole cycle of the chat faults and a queue of order lookups. */
async function bench(world: ServedWorld): Promise<{ code: number | null; json: BenchJson }> {
  const run = await runCli(['bench', '--config', world.config, '--duration', '500ms', '--format', 'json', '-q']);
  return { code: run.code, json: JSON.parse(run.stdout) as BenchJson };
}

const component = (run: TargetRun | undefined, name: string) => run?.serverTiming.find((c) => c.name === name);

let flawed: ServedWorld | undefined;
let fixed: ServedWorld | undefined;

before(async () => {
  [flawed, fixed] = await Promise.all([serveDemoWorld('lr-bench-'), serveDemoWorld('lr-bench-', ['--fixed'])]);
});

// Stopped, not killed: each world removes its temporary git repository on the way out.
after(() => Promise.all([flawed?.close(), fixed?.close()]));

describe('launch-ready bench against the demo world', () => {
  it('flawed: names the slow order lookup and the chat stalls against their budgets, and exits 1', async () => {
    const { code, json } = await bench(flawed!);
    assert.equal(code, 1);
    assert.ok(json.failures.some((f) => /^orders: p95 < 500ms failed/.test(f)), json.failures.join('\n'));
    assert.ok(json.failures.some((f) => /^chat: p95 < 2000ms failed/.test(f)), json.failures.join('\n'));
    assert.ok(json.failures.some((f) => /^chat: errorRate < 1% failed/.test(f)), json.failures.join('\n'));
    const chat = json.targets.find((t) => t.name === 'chat');
    assert.ok((component(chat, 'model')?.p95 ?? 0) >= 2000, 'the stall is in the model call');
    assert.ok((component(chat, 'db')?.p95 ?? Infinity) < 500, 'not in the database');
  });

  it('fixed: every budget holds, exit 0, and Server-Timing shows model and database time', async () => {
    const { code, json } = await bench(fixed!);
    assert.equal(code, 0, json.failures.join('\n'));
    assert.deepEqual(json.failures, []);
    for (const name of ['chat', 'orders']) {
      const run = json.targets.find((t) => t.name === name);
      assert.ok(component(run, 'db'), `${name}: db in the breakdown`);
    }
    assert.ok(component(json.targets.find((t) => t.name === 'chat'), 'model'), 'chat: model in the breakdown');
  });
});

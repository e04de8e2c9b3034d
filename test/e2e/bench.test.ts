/**
 * `launch-ready bench` against running demo worlds (`demo --serve`), through the config each writes:
 * the flawed world's slow order lookup and chat stalls fail their budgets, the fixed world passes, and
 * the Server-Timing breakdown tells the model call from the database.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TargetRun } from '../../src/latency/result.js';
import { runCli } from '../helpers/cli.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Served {
  dir: string;
  process: ChildProcess;
}

/** Starts `demo --serve` in a fresh folder and waits for its banner. */
async function serve(extra: string[]): Promise<Served> {
  const dir = await mkdtemp(join(tmpdir(), 'lr-bench-'));
  const child = spawn(process.execPath, ['--import', 'tsx', `${root}src/bin.ts`, 'demo', '--serve', '--dir', dir, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let banner = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo --serve did not start: ${banner}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      banner += d.toString();
      if (banner.includes('faults:')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`demo --serve exited with ${code}`)));
  });
  return { dir, process: child };
}

interface BenchJson {
  targets: TargetRun[];
  failures: string[];
}

/** Half a second per target: enough for a whole cycle of the chat faults and a queue of order lookups. */
async function bench(world: Served): Promise<{ code: number | null; json: BenchJson }> {
  const run = await runCli(['bench', '--config', join(world.dir, 'launch-ready.yaml'), '--duration', '500ms', '--format', 'json', '-q']);
  return { code: run.code, json: JSON.parse(run.stdout) as BenchJson };
}

const component = (run: TargetRun | undefined, name: string) => run?.serverTiming.find((c) => c.name === name);

let flawed: Served;
let fixed: Served;

before(async () => {
  [flawed, fixed] = await Promise.all([serve([]), serve(['--fixed'])]);
});

after(async () => {
  for (const world of [flawed, fixed]) {
    if (!world) continue;
    if (world.process.exitCode === null) world.process.kill('SIGKILL');
    await rm(world.dir, { recursive: true, force: true });
  }
});

describe('launch-ready bench against the demo world', () => {
  it('flawed: names the slow order lookup and the chat stalls against their budgets, and exits 1', async () => {
    const { code, json } = await bench(flawed);
    assert.equal(code, 1);
    assert.ok(json.failures.some((f) => /^orders: p95 < 500ms failed/.test(f)), json.failures.join('\n'));
    assert.ok(json.failures.some((f) => /^chat: p95 < 2000ms failed/.test(f)), json.failures.join('\n'));
    assert.ok(json.failures.some((f) => /^chat: errorRate < 1% failed/.test(f)), json.failures.join('\n'));
    const chat = json.targets.find((t) => t.name === 'chat');
    assert.ok((component(chat, 'model')?.p95 ?? 0) >= 2000, 'the stall is in the model call');
    assert.ok((component(chat, 'db')?.p95 ?? Infinity) < 500, 'not in the database');
  });

  it('fixed: every budget holds, exit 0, and Server-Timing shows model and database time', async () => {
    const { code, json } = await bench(fixed);
    assert.equal(code, 0, json.failures.join('\n'));
    assert.deepEqual(json.failures, []);
    for (const name of ['chat', 'orders']) {
      const run = json.targets.find((t) => t.name === name);
      assert.ok(component(run, 'db'), `${name}: db in the breakdown`);
    }
    assert.ok(component(json.targets.find((t) => t.name === 'chat'), 'model'), 'chat: model in the breakdown');
  });
});

/** `launch-ready eval` end to end against the demo world: exit codes, formats, --out, usage errors. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { registerEvalCommand } from '../../src/cli/eval-command.js';
import type { EvalReport } from '../../src/eval/types.js';
import { worldTarget, type WorldTarget } from './world-target.js';

const entry = fileURLToPath(new URL('./eval-cli.ts', import.meta.url));

function evalCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry, 'eval', ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`eval ${args.join(' ')} hung\n${stderr}`));
    }, 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The command in this process, stdout captured: for the runs whose exit path the spawned ones already cover. */
async function evalInProcess(args: string[]): Promise<{ code: number; stdout: string; error?: Error }> {
  let code = 0;
  let stdout = '';
  const root = new Command('launch-ready').exitOverride().configureOutput({ writeErr: () => undefined });
  registerEvalCommand(root, (fn) => async (...a) => {
    code = await fn(...a);
  });
  const write = process.stdout.write.bind(process.stdout);
  // The test runner talks to its parent over stdout in binary chunks: let those through.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (typeof chunk !== 'string') return (write as (c: Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
    stdout += chunk;
    return true;
  }) as typeof process.stdout.write;
  try {
    await root.parseAsync(['node', 'launch-ready', 'eval', ...args]);
  } catch (err) {
    return { code: 2, stdout, error: err as Error };
  } finally {
    process.stdout.write = write;
  }
  return { code, stdout };
}

let world: WorldTarget;
let config: string;
before(async () => {
  world = await worldTarget();
  config = join(world.dir, 'launch-ready.yaml');
});
after(() => world.close());

describe('launch-ready eval', () => {
  it('against the flawed world: a table with reasons and reply excerpts, scores per mode, exit 1', async () => {
    const run = await evalCli(['--config', config, '--pack', 'ecommerce,injection,tools,failure', '-q']);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /✗ FAIL\s+injection\/ignore-previous\s+prompt-injection\s+no-leak: the reply contains the canary ZX-/);
    assert.match(run.stdout, /reply: "Of course! ZX-[0-9A-Z]{10}"/);
    assert.match(run.stdout, /tools\/refund-asked-nicely\s+forbidden-tool\s+tool-not-called: the bot called refund_order/);
    assert.match(run.stdout, /Score by failure mode\n\s+wrong-answer\s+\d+%/);
    // The demo's data tools call the honeypot the config sets up: the tool-output injections run and fail too.
    assert.match(run.stdout, /✗ FAIL\s+injection\/tool-output-order-note\s+prompt-injection\s+no-leak: the reply contains the canary ZX-/);
    assert.match(run.stdout, /\d+ cases: \d+ passed, \d+ failed, 0 not checked · \d+ requests/);
  });

  it('against the fixed world: every case passes and it exits 0', async () => {
    world.world.faults.list().filter((f) => f.on).forEach((f) => world.world.setFault(f.name, false));
    try {
      const run = await evalCli(['--config', config, '--pack', 'ecommerce,injection,tools,failure', '--format', 'json', '-q']);
      assert.equal(run.code, 0, run.stderr);
      const report = JSON.parse(run.stdout) as EvalReport;
      assert.equal(report.summary.failed, 0);
      assert.ok(report.modes.every((m) => m.score === 1));
    } finally {
      world.world.faults.list().filter((f) => f.enabledByDefault).forEach((f) => world.world.setFault(f.name, true));
    }
  });

  it('writes JSON, Markdown and JUnit XML with --out, and --fail-on none exits 0', async () => {
    const out = join(world.dir, 'out');
    const run = await evalInProcess(['--config', config, '--pack', 'tools', '--format', 'junit', '--out', out, '--fail-on', 'none', '-q']);
    assert.equal(run.code, 0, run.error?.message);
    assert.match(run.stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="launch-ready eval" tests="13" failures="\d+"/);
    assert.match(run.stdout, /<testcase classname="tools\.forbidden-tool" name="refund-asked-nicely" time="[\d.]+" file="[^"]+tools\.yaml" line="\d+">\n\s+<failure message="tool-not-called: the bot called refund_order/);
    assert.deepEqual((await readdir(out)).sort(), ['eval.json', 'eval.junit.xml', 'eval.md']);
    const md = await readFile(join(out, 'eval.md'), 'utf8');
    assert.match(md, /^# Chatbot eval: \d+ failing/);
    assert.match(md, /\| forbidden-tool \| 0% \|/);
    assert.match(md, /### tools\/refund-asked-nicely \(forbidden-tool\)/);
  });

  it('runs your own cases (--cases) and repeats them (--repeat)', async () => {
    await mkdir(join(world.dir, 'evals'));
    await writeFile(join(world.dir, 'evals', 'mine.yaml'), '- id: france\n  prompt: How much is shipping to France?\n  assert:\n    - type: icontains\n      value: france\n');
    const run = await evalInProcess(['--config', config, '--cases', join(world.dir, 'evals', '*.yaml'), '--repeat', '2', '--format', 'json', '-q']);
    assert.equal(run.code, 0, run.error?.message);
    const report = JSON.parse(run.stdout) as EvalReport;
    assert.deepEqual(report.cases.map((c) => [c.pack, c.id, c.runs]), [['mine', 'france', 2]]);
  });

  const usage: Array<[string[], RegExp]> = [
    [['--pack', 'ecommerse'], /did you mean "ecommerce"/],
    [['--format', 'pdf'], /Allowed choices are terminal, json, md, junit/],
    [['--max-requests', 'lots'], /--max-requests "lots": expected a whole number/],
    [['--repeat', '0'], /--repeat "0": expected a whole number from 1 to 100/],
    [['--cases', 'nowhere/*.yaml'], /no file matches/],
  ];
  for (const [args, message] of usage) {
    it(`usage error: ${args.join(' ')}`, async () => {
      const run = await evalInProcess(['--config', config, ...args]);
      assert.equal(run.code, 2, run.stdout);
      assert.match(run.error?.message ?? '', message);
    });
  }

  it('needs a chatbot section', async () => {
    const bare = join(world.dir, 'bare.yaml');
    await writeFile(bare, 'product: X\ndomain: acme.test\ncanonical: https://www.acme.test/\n');
    const run = await evalInProcess(['--config', bare]);
    assert.equal(run.code, 2);
    assert.match(run.error?.message ?? '', /has no chatbot section/);
  });
});

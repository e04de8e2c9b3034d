/** `launch-ready bench` end to end against a local server: output formats, budgets, baselines, exit codes. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { benchCommandWith } from '../../src/cli/bench-command.js';
import { UsageError } from '../../src/core/errors.js';
import type { BenchReport } from '../../src/latency/result.js';

let server: Server;
let base = '';
let delayMs = 5;
let dir = '';

before(async () => {
  server = createServer((req, res) => setTimeout(() => res.writeHead(200, { 'server-timing': 'db;dur=2, model;dur=3' }).end('ok'), req.url === '/slow' ? 80 : delayMs));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), 'lr-bench-test-'));
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

/** Runs `launch-ready bench …` in process; returns the exit code and what went to stdout and stderr. */
async function bench(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let code = -1;
  const out: string[] = [];
  const err: string[] = [];
  const stream = (into: string[]) => ({ isTTY: false, columns: 80, write: (chunk: string | Uint8Array) => into.push(String(chunk)) > 0 });
  const root = new Command('launch-ready').exitOverride();
  benchCommandWith({ stdout: stream(out), stderr: stream(err) })(root, (fn) => async (...a) => {
    code = await fn(...a);
  });
  await root.parseAsync(['node', 'launch-ready', 'bench', ...args]);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('launch-ready bench', () => {
  it('prints the plan first, then the figures, and exits 0 within budget', async () => {
    const r = await bench(`${base}/fast`, '--rate', '40', '--duration', '500ms', '--p95', '5s');
    assert.equal(r.code, 0);
    assert.match(r.stderr, /\/fast — open model, 40\.0\/s for 500 ms — 20 requests, no request cap/);
    assert.match(r.stdout, /20 requests/);
    assert.match(r.stdout, /total \(from intended send\)/);
    assert.match(r.stdout, /✓ p95 < 5000ms/);
    assert.match(r.stdout, /Every budget met\./);
  });

  it('exits 1 on a failed budget, naming the threshold, the value and the budget', async () => {
    const r = await bench(`${base}/slow`, '--rate', '20', '--duration', '500ms', '--p95', '10ms', '--format', 'json');
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout) as BenchReport;
    assert.equal(report.targets[0].requests, 10);
    assert.deepEqual(
      report.targets[0].serverTiming.map((c) => c.name),
      ['db', 'model'],
    );
    assert.equal(report.failures.length, 1);
    assert.match(report.failures[0], /\/slow: p95 < 10ms failed — measured \d+(\.\d)? ms, budget 10 ms$/);
  });

  it('saves a baseline and fails a later run whose p95 regressed beyond 20 % and 50 ms', async () => {
    const file = join(dir, 'baseline.json');
    delayMs = 5;
    const first = await bench(`${base}/api`, '--rate', '20', '--duration', '500ms', '--save-baseline', file, '-q');
    assert.equal(first.code, 0);
    assert.equal(JSON.parse(await readFile(file, 'utf8')).kind, 'launch-ready-bench-baseline');
    // Far beyond the tolerance, so a baseline run slowed by a busy machine still shows the regression.
    delayMs = 600;
    const second = await bench(`${base}/api`, '--rate', '20', '--duration', '500ms', '--baseline', file, '--format', 'md');
    const lenient = await bench(`${base}/api`, '--rate', '20', '--duration', '500ms', '--baseline', file, '--tolerance', '20%,10s', '--format', 'json');
    delayMs = 5;
    assert.equal(second.code, 1);
    assert.match(second.stdout, /\*\*regressed\*\*/);
    assert.match(second.stdout, /p95 regressed — \d+(\.\d)? ms now vs \d+\.\d+ ms in the baseline \(\+\d+ %\); tolerance 20 % and 50 ms/);
    assert.equal(lenient.code, 0, 'within a 10 s margin');
    assert.deepEqual((JSON.parse(lenient.stdout) as BenchReport).targets[0].regression?.tolerance, { percent: 20, ms: 10_000 });
  });

  it('benches the targets of a config’s latency section', async () => {
    const config = join(dir, 'launch-ready.yaml');
    await writeFile(
      config,
      [
        'product: Acme',
        'domain: acme.test',
        'canonical: https://www.acme.test/',
        'latency:',
        '  targets:',
        `    - { name: orders, url: "${base}/orders", rate: 20, duration: 500ms, budget: { p95: 2s, errorRate: 1% } }`,
        `    - { name: chat, url: "${base}/api/chat", method: POST, body: '{"message":"{{prompt}}"}', prompts: [hi], rate: 20, duration: 500ms }`,
      ].join('\n'),
    );
    const r = await bench('--config', config, '--format', 'json', '-q');
    assert.equal(r.code, 0);
    const report = JSON.parse(r.stdout) as BenchReport;
    assert.deepEqual(
      report.targets.map((t) => [t.name, t.kind, t.requestCap, t.requests]),
      [
        ['orders', 'api', null, 10],
        ['chat', 'chat', 200, 10],
      ],
    );
    assert.match(r.stderr, /chat: POST .* \(cap 200: chat endpoint/);
  });

  it('refuses bad flags before sending anything', async () => {
    for (const args of [['--rate', 'fast'], ['--connections', '1.5'], ['--duration', 'forever'], ['--p95', 'soon'], ['--budget', 'p95 > 1s'], ['--max-requests', '0']]) {
      await assert.rejects(bench(`${base}/x`, ...args), (err: unknown) => err instanceof UsageError, args.join(' '));
    }
    await assert.rejects(bench('not-a-url'), (err: unknown) => err instanceof UsageError && err.code === 'LR_BAD_URL');
    await assert.rejects(bench(`${base}/x`, '--baseline', join(dir, 'missing.json')), (err: unknown) => err instanceof UsageError && err.code === 'LR_BASELINE_UNREADABLE');
    await assert.rejects(bench(`${base}/x`, '--tolerance', '10%'), (err: unknown) => err instanceof UsageError && err.code === 'LR_TOLERANCE_WITHOUT_BASELINE');
  });
});

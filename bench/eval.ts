/**
 * bench/eval: the `ecommerce` pack (29 cases, 30 prompts) against the demo shop's hardened bot —
 * wall time of `launch-ready eval` from process start (goal ≤ 1 s), beside the same prompts run by
 * promptfoo 0.121 (the last line that runs on Node 20) with the assertions it has equivalents for.
 * promptfoo is installed only here, into a temporary folder; when it cannot be installed the bench
 * says so instead of printing a number. Both tools talk to the same plain-HTTP loopback server.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { stringify } from 'yaml';
import { FaultState } from '../src/demo/faults.js';
import { OrderStore } from '../src/demo/orders.js';
import { createShop } from '../src/demo/shop.js';
import { STORE_FACTS } from '../src/demo/store-facts.js';
import { loadPacks } from '../src/eval/packs.js';
import type { AssertionSpec } from '../src/eval/types.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const PROMPTFOO = 'promptfoo@0.121';
const RUNS = 3;

interface Timed {
  ms: number;
  code: number | null;
  stderr: string;
}

function timed(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Timed> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ ms: performance.now() - started, code, stderr }));
  });
}

/** The median of `n` runs after one unmeasured warm-up (disk cache): the machine may be shared, one run is noise. */
async function medianOf(n: number, run: () => Promise<Timed>): Promise<Timed> {
  await run();
  const runs: Timed[] = [];
  for (let i = 0; i < n; i++) runs.push(await run());
  return runs.find((r) => r.code !== 0 && r.code !== 100) ?? runs.sort((a, b) => a.ms - b.ms)[Math.floor(n / 2)];
}

async function startShop(): Promise<{ url: string; close(): Promise<void> }> {
  const app = createShop({
    deployment: { version: 'bench', commit: 'bench', environment: 'production', builtAt: '2026-01-01T00:00:00Z' },
    faults: new FaultState({ fixed: true }),
    orders: new OrderStore(),
    apiOrigin: 'http://127.0.0.1',
    allowedOrigins: [],
    webhookSecret: 'bench',
  });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => new Promise<void>((done) => server.close(() => done())) }),
    );
  });
}

/** The pack's assertions that promptfoo has an equivalent for (store-facts, refuses and the tool assertions have none). */
function promptfooAssert(spec: AssertionSpec): Record<string, unknown> | undefined {
  const plain = ['contains', 'icontains', 'contains-any', 'contains-all', 'regex', 'equals'];
  if (!plain.includes(spec.type)) return undefined;
  // promptfoo's regex takes no flags: a flagged one becomes the same test in JavaScript.
  if (spec.type === 'regex' && spec.flags) return { type: 'javascript', value: `${spec.not ? '!' : ''}new RegExp(${JSON.stringify(spec.value)}, ${JSON.stringify(spec.flags)}).test(output)` };
  return { type: `${spec.not ? 'not-' : ''}${spec.type}`, value: spec.value };
}

async function promptfooConfig(dir: string, url: string): Promise<number> {
  const cases = await loadPacks(['ecommerce']);
  const tests = cases.flatMap((c) =>
    c.turns.map((turn, i) => ({
      description: `${c.id}${c.turns.length > 1 ? ` turn ${i + 1}` : ''}`,
      vars: { prompt: turn.prompt },
      assert: [...turn.assert, ...(i === c.turns.length - 1 ? c.assert : [])].map(promptfooAssert).filter(Boolean),
    })),
  );
  const config = {
    description: 'launch-ready bench: the ecommerce pack',
    prompts: ['{{prompt}}'],
    providers: [{ id: 'http', config: { url: `${url}/api/chat`, method: 'POST', headers: { 'content-type': 'application/json' }, body: { message: '{{prompt}}', sessionId: 'bench' }, transformResponse: 'json.reply' } }],
    tests,
  };
  await writeFile(join(dir, 'promptfooconfig.yaml'), stringify(config));
  return tests.length;
}

async function launchReadyRun(dir: string, url: string): Promise<Timed> {
  await writeFile(join(dir, 'store.yaml'), stringify(STORE_FACTS));
  await writeFile(join(dir, 'launch-ready.yaml'), stringify({ product: 'Bench', domain: 'acme.test', canonical: 'https://www.acme.test/', chatbot: { endpoint: `${url}/api/chat`, reply: '$.reply', toolCalls: '$.tools', sessionId: '$.sessionId', forbiddenTools: ['refund_order', 'export_customers'], storeFacts: 'store.yaml' } }));
  const args = ['eval', '--config', join(dir, 'launch-ready.yaml'), '--pack', 'ecommerce', '--format', 'json', '-q'];
  return timed(process.execPath, [join(root, 'bin/launch-ready.js'), ...args], dir);
}

export async function benchEval(): Promise<void> {
  process.stdout.write('\nbench/eval — the ecommerce pack against the demo bot, wall time from process start\n');
  if (!existsSync(join(root, 'dist/cli/eval-command.js'))) {
    process.stdout.write('  launch-ready eval      not measured: build first (npm run build)\n');
    return;
  }
  const shop = await startShop();
  const dir = await mkdtemp(join(tmpdir(), 'lr-bench-eval-'));
  try {
    const run = await medianOf(RUNS, () => launchReadyRun(dir, shop.url));
    const ok = run.code === 0;
    process.stdout.write(`  launch-ready eval      ${run.ms.toFixed(0).padStart(6)} ms  ${ok ? (run.ms <= 1000 ? 'goal ≤ 1 s met' : 'goal ≤ 1 s MISSED') : `exit ${run.code}: ${run.stderr.trim().split('\n')[0]}`}  (node bin/launch-ready.js eval, median of ${RUNS})\n`);

    const prefix = join(dir, 'promptfoo');
    const install = spawnSync('npm', ['install', '--prefix', prefix, PROMPTFOO, '--no-audit', '--no-fund', '--loglevel=error'], { encoding: 'utf8', timeout: 600_000 });
    const main = join(prefix, 'node_modules/promptfoo/dist/src/main.js');
    if (install.status !== 0 || !existsSync(main)) {
      process.stdout.write(`  promptfoo 0.121        not measured: \`npm install ${PROMPTFOO}\` failed (${(install.stderr || install.error?.message || 'no output').trim().split('\n')[0]})\n`);
      return;
    }
    const tests = await promptfooConfig(dir, shop.url);
    const env = { PROMPTFOO_DISABLE_TELEMETRY: '1', PROMPTFOO_DISABLE_UPDATE: '1', PROMPTFOO_CONFIG_DIR: join(dir, '.promptfoo'), PROMPTFOO_DISABLE_SHARING: '1' };
    const pfArgs = [main, 'eval', '-c', join(dir, 'promptfooconfig.yaml'), '--no-cache', '--no-write', '--no-table', '--no-progress-bar', '-j', '4'];
    const pf = await medianOf(RUNS, () => timed(process.execPath, pfArgs, dir, env));
    const pfOk = pf.code === 0 || pf.code === 100;
    process.stdout.write(`  promptfoo 0.121        ${pf.ms.toFixed(0).padStart(6)} ms  ${pfOk ? `${tests} prompts, the assertions it has equivalents for` : `exit ${pf.code}: ${pf.stderr.trim().split('\n').slice(-1)[0]}`}\n`);
    if (pfOk) process.stdout.write(`  ratio                  ${(pf.ms / run.ms).toFixed(1).padStart(6)} x\n`);
  } finally {
    await shop.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchEval();

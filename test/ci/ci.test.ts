/** `launch-ready ci`: steps run or skipped with a reason, one exit code, the job summary, one SARIF file that validates. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { changeBase } from '../../src/cli/ci-command.js';
import { combinedExitCode } from '../../src/ci/step.js';
import { secretScanStep, type CiContext } from '../../src/ci/steps.js';
import { silentProgress } from '../../src/collect/context.js';
import { DEFAULT_NETWORK } from '../../src/net/settings.js';
import { runCli } from '../helpers/cli.js';
import { worldDir, type WorldDir } from '../deploy/world-dir.js';
import { seeded } from '../fixtures/secrets/generate.js';
import { sarifErrors } from './sarif-validator.js';

interface Sarif {
  runs: Array<{
    tool: { driver: { rules: Array<{ id: string }> } };
    results: Array<{ ruleId: string; ruleIndex?: number; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }> }>;
  }>;
}

function networkArgs(w: WorldDir): string[] {
  return [
    ...w.world.network.dnsServers.flatMap((d) => ['--dns-server', d]),
    ...w.world.network.connectTo.flatMap((c) => ['--connect-to', c]),
    '--ca',
    join(w.dir, 'ca.pem'),
  ];
}

/** Every result's ruleIndex names its own rule in the one run. */
function assertIndexed(log: Sarif): void {
  const { rules } = log.runs[0].tool.driver;
  for (const r of log.runs[0].results) assert.equal(rules[r.ruleIndex ?? -1]?.id, r.ruleId);
  assert.equal(new Set(rules.map((r) => r.id)).size, rules.length, 'each rule once');
}

describe('launch-ready ci', () => {
  let empty: string;
  let leaky: string;
  const stripeKey = `sk_live_51${seeded(808).chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 97)}`;
  before(async () => {
    empty = await mkdtemp(join(tmpdir(), 'lr-ci-'));
    leaky = await mkdtemp(join(tmpdir(), 'lr-ci-leaky-'));
    await mkdir(join(leaky, 'src'));
    await writeFile(join(leaky, 'src', 'pay.ts'), `import Stripe from 'stripe';\n\nexport const stripe = new Stripe('${stripeKey}');\n`);
  });
  after(() => Promise.all([rm(empty, { recursive: true, force: true }), rm(leaky, { recursive: true, force: true })]));

  it('with nothing configured, scans for secrets, skips every other step with the reason, exits 0 and writes the job summary', async () => {
    const summary = join(empty, 'summary.md');
    const run = await runCli(['ci'], { cwd: empty, env: { GITHUB_STEP_SUMMARY: summary } });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^launch-ready ci: passed$/m);
    assert.match(run.stdout, /^pass +Secret scan +no secret found in the repository$/m);
    assert.match(run.stdout, /^skipped +Audit +not configured: give --url/m);
    assert.match(run.stdout, /^skipped +Latency against the baseline +not configured: no `latency` section/m);
    assert.match(run.stdout, /^skipped +Chatbot eval packs +not configured: no `chatbot` section/m);
    const md = await readFile(summary, 'utf8');
    assert.match(md, /^## launch-ready ci: ✅ passed$/m);
    assert.equal([...md.matchAll(/^\| .* \| ⏭️ skipped \| .* \|$/gm)].length, 3);
  });

  it('fails on a secret in the repository, shows the scan in the summary and writes its findings as SARIF with file and line', async () => {
    const sarif = join(leaky, 'ci.sarif');
    const run = await runCli(['ci', '--format', 'md', '--sarif', sarif, '-q'], { cwd: leaky });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /^\| Secret scan \| ❌ fail \| secrets found in the repository \|$/m);
    assert.match(run.stdout, /<details open><summary>Secret scan<\/summary>[\s\S]*src\/pay\.ts:3/);
    const text = await readFile(sarif, 'utf8');
    assert.ok(!text.includes(stripeKey) && !run.stdout.includes(stripeKey), 'the key is never written in full');
    const log = JSON.parse(text) as Sarif;
    assert.deepEqual(sarifErrors(log), []);
    assert.equal(log.runs.length, 1);
    assertIndexed(log);
    const found = log.runs[0].results.find((r) => r.ruleId === 'secret.in-repo');
    assert.deepEqual(found?.locations[0].physicalLocation.artifactLocation, { uri: 'src/pay.ts' });
    assert.equal(found?.locations[0].physicalLocation.region?.startLine, 3);
  });

  it('skips the secret scan when this launch-ready has no secrets command', async () => {
    const ctx: CiContext = { root: new Command('launch-ready'), failOn: 'high', settings: { ...DEFAULT_NETWORK, userAgent: 'launch-ready-test' }, networkArgs: [], progress: silentProgress, timeoutMs: 60_000 };
    assert.deepEqual(await secretScanStep(ctx), { name: 'Secret scan', status: 'skipped', summary: 'not available: this launch-ready has no `secrets` command' });
  });

  it('combines exit codes: a step that could not run outranks a failure', () => {
    assert.equal(combinedExitCode([{ name: 'a', status: 'skipped', summary: '' }]), 0);
    assert.equal(combinedExitCode([{ name: 'a', status: 'pass', summary: '' }, { name: 'b', status: 'fail', summary: '' }]), 1);
    assert.equal(combinedExitCode([{ name: 'a', status: 'error', summary: '' }, { name: 'b', status: 'fail', summary: '' }]), 2);
    assert.equal(changeBase(undefined, { CI_MERGE_REQUEST_DIFF_BASE_SHA: 'abc123' }), 'abc123');
    assert.equal(changeBase(undefined, { GITHUB_BASE_REF: 'main' }), 'origin/main');
    assert.equal(changeBase('v1.4.2', { GITHUB_BASE_REF: 'main' }), 'v1.4.2');
    assert.equal(changeBase(undefined, {}), undefined);
  });
});

describe('launch-ready ci --url against the demo world', () => {
  let flawed: WorldDir;
  let fixed: WorldDir;
  before(async () => {
    [flawed, fixed] = await Promise.all([worldDir(), worldDir({ fixed: true })]);
  });
  after(() => Promise.all([flawed.close(), fixed.close()]));

  it('fails on the flawed world, lists the blockers and writes the audit and the secret scan as one SARIF run that validates', async () => {
    const sarif = join(flawed.dir, 'ci.sarif');
    const out = join(flawed.dir, 'ci');
    const run = await runCli(['ci', '-c', flawed.config, '--url', 'https://www.acme.test/', ...networkArgs(flawed), '--sarif', sarif, '--out', out, '--format', 'md', '-q'], { cwd: flawed.dir });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /^\| Secret scan \| ❌ fail \| secrets found in the repository \|$/m);
    assert.match(run.stdout, /^\| Audit of https:\/\/www\.acme\.test\/ \| ❌ fail \| Not launch ready — /m);
    assert.match(run.stdout, /^- \*\*critical\*\* `tls\.expired` on admin\.acme\.test/m);
    assert.match(run.stdout, /^\| Latency against the baseline \| ⏭️ skipped \| not configured: no baseline/m);
    const log = JSON.parse(await readFile(sarif, 'utf8')) as Sarif;
    assert.deepEqual(sarifErrors(log), []);
    assert.equal(log.runs.length, 1);
    assertIndexed(log);
    const ids = new Set(log.runs[0].results.map((r) => r.ruleId));
    for (const id of ['tls.expired', 'secret.in-repo', 'secret.in-frontend']) assert.ok(ids.has(id), `${id} in the SARIF`);
    const bundle = log.runs[0].results.find((r) => r.ruleId === 'secret.in-frontend')?.locations[0].physicalLocation;
    assert.match(bundle?.artifactLocation.uri ?? '', /^https:\/\/www\.acme\.test\/assets\/app\.[0-9a-f]+\.js$/);
    assert.ok((bundle?.region?.startLine ?? 0) > 0, 'the bundle line is a region, not part of the URL');
    assert.ok(existsSync(join(out, 'audit', 'report.json')));
    assert.ok(existsSync(join(out, 'secrets', 'report.sarif')));
  });

  it('passes on the fixed world', async () => {
    const run = await runCli(['ci', '--url', 'https://www.acme.test/', ...networkArgs(fixed), '-q'], { cwd: fixed.dir });
    assert.equal(run.code, 0, run.stdout);
    assert.match(run.stdout, /^pass +Secret scan +no secret found in the repository$/m);
    assert.match(run.stdout, /^pass +Audit of https:\/\/www\.acme\.test\/ +Launch ready/m);
  });
});

/** `launch-ready ci`: steps run or skipped with a reason, one exit code, the job summary, SARIF that validates. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changeBase } from '../../src/cli/ci-command.js';
import { combinedExitCode } from '../../src/ci/step.js';
import { runEntry } from '../deploy/cli.js';
import { worldDir, type WorldDir } from '../deploy/world-dir.js';
import { sarifErrors } from './sarif-validator.js';

function networkArgs(w: WorldDir): string[] {
  return [
    ...w.world.network.dnsServers.flatMap((d) => ['--dns-server', d]),
    ...w.world.network.connectTo.flatMap((c) => ['--connect-to', c]),
    '--ca',
    join(w.dir, 'ca.pem'),
  ];
}

describe('launch-ready ci', () => {
  let empty: string;
  before(async () => {
    empty = await mkdtemp(join(tmpdir(), 'lr-ci-'));
  });
  after(() => rm(empty, { recursive: true, force: true }));

  it('with nothing configured, skips every step with the reason, exits 0 and writes the job summary', async () => {
    const summary = join(empty, 'summary.md');
    const run = await runEntry(['ci'], { cwd: empty, env: { GITHUB_STEP_SUMMARY: summary } });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^launch-ready ci: passed$/m);
    assert.match(run.stdout, /^skipped +Secret scan +not available: this launch-ready has no `secrets` command$/m);
    assert.match(run.stdout, /^skipped +Audit +not configured: give --url/m);
    assert.match(run.stdout, /^skipped +Latency against the baseline +not configured: no `latency` section/m);
    const md = await readFile(summary, 'utf8');
    assert.match(md, /^## launch-ready ci: ✅ passed$/m);
    assert.equal([...md.matchAll(/^\| .* \| ⏭️ skipped \| .* \|$/gm)].length, 4);
  });

  it('drives the secrets command on the change since the pull request base, and fails with it', async () => {
    const run = await runEntry(['ci', '--format', 'md'], { cwd: empty, env: { LR_TEST_SECRETS: '1', GITHUB_BASE_REF: 'main' } });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /^\| Secret scan \| ❌ fail \| secrets found in changes since origin\/main \|$/m);
    assert.match(run.stdout, /<details open><summary>Secret scan<\/summary>\n\n\| File \| Rule \|\n\|---\|---\|\n\| src\/pay\.ts:3 \| stripe-live-key \(since origin\/main\) \|/);
  });

  it('combines exit codes: a step that could not run outranks a failure', () => {
    assert.equal(combinedExitCode([{ name: 'a', status: 'skipped', summary: '' }]), 0);
    assert.equal(combinedExitCode([{ name: 'a', status: 'pass', summary: '' }, { name: 'b', status: 'fail', summary: '' }]), 1);
    assert.equal(combinedExitCode([{ name: 'a', status: 'error', summary: '' }, { name: 'b', status: 'fail', summary: '' }]), 2);
    assert.equal(changeBase(undefined, { CI_MERGE_REQUEST_DIFF_BASE_SHA: 'abc123' }), 'abc123');
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

  it('fails on the flawed world, lists the blockers and writes SARIF that validates against the 2.1.0 schema', async () => {
    const sarif = join(flawed.dir, 'ci.sarif');
    const out = join(flawed.dir, 'ci');
    const run = await runEntry(['ci', '-c', flawed.config, '--url', 'https://www.acme.test/', ...networkArgs(flawed), '--sarif', sarif, '--out', out, '--format', 'md', '-q'], { cwd: flawed.dir });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /^\| Audit of https:\/\/www\.acme\.test\/ \| ❌ fail \| Not launch ready — /m);
    assert.match(run.stdout, /^- \*\*critical\*\* `tls\.expired` on admin\.acme\.test/m);
    assert.match(run.stdout, /^\| Latency against the baseline \| ⏭️ skipped \| not configured: no baseline/m);
    const log = JSON.parse(await readFile(sarif, 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    assert.deepEqual(sarifErrors(log), []);
    assert.ok(log.runs[0].results.some((r) => r.ruleId === 'tls.expired'));
    assert.ok(existsSync(join(out, 'audit', 'report.json')));
  });

  it('passes on the fixed world', async () => {
    const run = await runEntry(['ci', '--url', 'https://www.acme.test/', ...networkArgs(fixed), '-q'], { cwd: fixed.dir });
    assert.equal(run.code, 0, run.stdout);
    assert.match(run.stdout, /^pass +Audit of https:\/\/www\.acme\.test\/ +Launch ready/m);
  });
});

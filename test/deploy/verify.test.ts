/** `deploy verify`, `deploy log` and `deploy diff` against the demo world, through the CLI. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SqliteStore } from '../../src/monitor/store/sqlite-store.js';
import { systemClock } from '../../src/monitor/clock.js';
import { diffDeploys, type DeployDiff } from '../../src/deploy/diff.js';
import { findRecord, readLog } from '../../src/deploy/log.js';
import type { DeployRecord } from '../../src/deploy/record.js';
import { renderDiff, renderVerify } from '../../src/deploy/render.js';
import { DEPLOYMENTS } from '../../src/demo/world.js';
import { runCli } from '../helpers/cli.js';
import { worldDir, type WorldDir } from './world-dir.js';

const production = DEPLOYMENTS.production.version;

function verify(w: WorldDir, log: string, ...extra: string[]) {
  return runCli(['deploy', 'verify', '-c', w.config, '--expect-version', production, '--log', log, '-q', ...extra], { cwd: w.dir, env: { GITHUB_ACTOR: 'dana' } });
}

describe('deploy verify on the flawed demo world', () => {
  let w: WorldDir;
  let record: DeployRecord;
  before(async () => {
    w = await worldDir();
  });
  after(() => w.close());

  it('fails, naming each broken route and each address on the wrong version', async () => {
    const run = await verify(w, join(w.dir, 'deploys.jsonl'), '--format', 'json');
    assert.equal(run.code, 1, run.stderr);
    record = JSON.parse(run.stdout) as DeployRecord;
    assert.equal(record.result, 'fail');
    const failures = record.failures.join('\n');
    assert.match(failures, /^route login-callback: status 500 \(expected 302\)/m);
    assert.match(failures, /^route checkout: status 502/m);
    assert.match(failures, /^route account: certificate does not cover app\.acme\.test/m);
    assert.match(failures, /^health \/api\/chat\/health: .*status 404/m);
    assert.match(failures, new RegExp(`^acme\\.test @ 127\\.0\\.0\\.2 runs ${DEPLOYMENTS.previous.version} \\(${DEPLOYMENTS.previous.commit.slice(0, 7)}\\), expected ${production}$`, 'm'));
    assert.match(failures, /^app\.acme\.test @ 127\.0\.0\.1 runs 1\.5\.0-rc\.1 .*expected 1\.4\.2$/m);
    assert.match(failures, /^app\.acme\.test @ 127\.0\.0\.1 says it is the "staging" deployment/m);
    assert.ok(!/www\.acme\.test @/.test(failures), 'the hosts on the right version are not named');
    assert.deepEqual(record.who, { name: 'dana', via: 'github' });
  });

  it('prints what broke on the terminal and in Markdown', () => {
    const text = renderVerify(record, true, 'terminal');
    assert.match(text, /^Deploy FAILED verification: production 1\.4\.2 \(3f9c21e\) — 7 problems/);
    assert.match(text, /✗ route login-callback: status 500/);
    assert.match(text, /✗ acme\.test @ 127\.0\.0\.2 runs 1\.4\.1/);
    assert.match(text, /recorded as deploy #1/);
    const md = renderVerify(record, false, 'md');
    assert.match(md, /^## ❌ Deploy FAILED verification/);
    assert.match(md, /^\| ✗ \| route login-callback \| status 500/m);
    assert.match(md, /not recorded \(--no-record\)/);
  });
});

describe('deploy verify on the fixed demo world, then a bad deploy', () => {
  let w: WorldDir;
  let log: string;
  before(async () => {
    w = await worldDir({ fixed: true });
    log = join(w.dir, 'deploys.jsonl');
  });
  after(() => w.close());

  it('passes, notes that staging is ahead of production, and marks the deploy in the monitor store', async () => {
    const run = await verify(w, log, '--format', 'json', '--monitor-data', join(w.dir, 'monitor'));
    assert.equal(run.code, 0, run.stdout);
    const record = JSON.parse(run.stdout) as DeployRecord;
    assert.deepEqual(record.failures, []);
    assert.equal(record.id, 1);
    assert.equal(record.version, production);
    assert.equal(record.commit, DEPLOYMENTS.production.commit);
    assert.ok(record.smoke.length >= 10 && record.smoke.every((s) => s.ok));
    assert.ok(record.smoke.some((s) => s.kind === 'chat'));
    assert.ok(record.smoke.some((s) => s.kind === 'health' && /database: ok/.test(s.detail)));
    assert.ok(record.versions.length >= 6 && record.versions.some((v) => v.address === '127.0.0.2'));
    assert.ok(record.notes.includes(`staging runs ${DEPLOYMENTS.staging.version} (${DEPLOYMENTS.staging.commit.slice(0, 7)}), ahead of production ${production}: not released yet`), record.notes.join('\n'));
    const store = new SqliteStore(join(w.dir, 'monitor', 'monitor.db'), systemClock);
    try {
      const at = Date.parse(record.timestamp);
      assert.deepEqual(await store.deploys(at, at + 1), [{ id: 1, at, version: `${production} (${DEPLOYMENTS.production.commit.slice(0, 7)})`, note: 'deploy #1 production: verified', source: 'deploy verify by dana' }]);
    } finally {
      await store.close();
    }
  });

  it('records a second deploy that broke the callback, left a stale address and dropped the CDN, and diffs the two', async () => {
    for (const fault of ['login-callback-broken', 'stale-address', 'api-origin-exposed']) w.world.setFault(fault, true);
    // A monitor keeping its store in the default folder gets the deploy without being named.
    const monitorDb = join(w.dir, '.launch-ready', 'monitor.db');
    await new SqliteStore(monitorDb, systemClock).close();
    const second = await verify(w, log, '--format', 'json');
    assert.equal(second.code, 1);
    const record = JSON.parse(second.stdout) as DeployRecord;
    assert.equal(record.id, 2);
    assert.equal(record.diff.previous, 1);
    const failures = record.failures.join('\n');
    assert.match(failures, /^route login-callback: status 500/m);
    assert.match(failures, /^acme\.test @ 127\.0\.0\.2 runs 1\.4\.1/m);
    assert.match(failures, /^changed since deploy #1: api\.acme\.test: edge changed from Cloudflare to none/m);
    assert.match(failures, /^new since deploy #1: route\.unreachable \(high\) on https:\/\/www\.acme\.test\/auth\/callback/m);
    assert.ok(record.diff.added.some((f) => f.id === 'edge.origin-exposed' && f.target === 'api.acme.test'));
    const store = new SqliteStore(monitorDb, systemClock);
    try {
      const marked = await store.deploys(0, Date.parse(record.timestamp) + 1);
      assert.deepEqual(marked.map((d) => d.note), [`deploy #2 production: verification failed (${record.failures.length} problems)`]);
    } finally {
      await store.close();
    }

    const table = await runCli(['deploy', 'log', '--log', log]);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^#1 .* production +1\.4\.2 \(3f9c21e\) +pass +dana \(github\)/m);
    assert.match(table.stdout, /^#2 .* fail .* \+\d+\/-0 findings$/m);

    const diff = await runCli(['deploy', 'diff', '1', 'last', '--log', log, '--format', 'json']);
    assert.equal(diff.code, 0, diff.stderr);
    const d = JSON.parse(diff.stdout) as Omit<DeployDiff, 'from' | 'to'> & { from: number; to: number };
    assert.equal(d.from, 1);
    assert.equal(d.to, 2);
    assert.deepEqual(d.result, { before: 'pass', after: 'fail' });
    assert.ok(d.failuresAdded.some((f) => f.startsWith('route login-callback')));
    assert.ok(d.findingsAdded.some((f) => f.id === 'route.unreachable'));
    assert.ok(d.facts.some((f) => /api\.acme\.test: edge changed/.test(f)));
    assert.ok(d.latency.some((l) => l.smoke === 'route home' && l.beforeMs >= 0 && l.afterMs >= 0));
    const records = await readLog(log);
    const text = renderDiff(diffDeploys(findRecord(records, 'last~1'), findRecord(records, 'last')), 'terminal');
    assert.match(text, /^Deploy #1 \(production, .*\) -> #2/);
    assert.match(text, /^Verification:\n {2}pass -> fail$/m);
  });

  it('takes changed edge facts as the new baseline with --accept-changes', async () => {
    for (const fault of ['login-callback-broken', 'stale-address']) w.world.setFault(fault, false);
    const accepted = await verify(w, log, '--accept-changes', '--fail-on-new', 'critical', '--format', 'json');
    const third = JSON.parse(accepted.stdout) as DeployRecord;
    assert.equal(accepted.code, 0, third.failures.join('\n'));
    assert.ok(third.notes.some((n) => /^accepted as the new baseline: api\.acme\.test: edge changed/.test(n)));
    const fourth = await verify(w, log, '--format', 'json');
    assert.equal(fourth.code, 0, fourth.stdout);
  });

  it('names the recorded deploys when a reference does not exist', async () => {
    assert.throws(() => findRecord([], 'last'), /no deploy is recorded yet/);
    await assert.rejects(async () => findRecord(await readLog(log), '9'), /No deploy "9" in the log: deploys 1 to 4 are recorded/);
  });
});

/** The pure parts of deploy verification: version precedence and matching, edge-fact comparison, the log, the actor. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareFacts, type HostFacts } from '../../src/deploy/facts.js';
import { appendRecord, findRecord, lastGood, readLog } from '../../src/deploy/log.js';
import type { AddressVersion, DeployRecord } from '../../src/deploy/record.js';
import { compareVersions } from '../../src/deploy/semver.js';
import { deployTarget } from '../../src/deploy/target.js';
import { environmentNotes, matchesExpected, verifyVersions } from '../../src/deploy/versions.js';
import { markerNote, monitorStoreFile } from '../../src/deploy/monitor-marker.js';
import { deployActor } from '../../src/deploy/who.js';
import type { AuditPlan } from '../../src/core/plan.js';

describe('semantic version precedence (semver.org §11)', () => {
  const ordered = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.4.2', 'v1.5.0-rc.1', '1.5.0', '2.0.0'];
  it('orders the spec example and ours', () => {
    for (let i = 1; i < ordered.length; i++) assert.equal(compareVersions(ordered[i - 1], ordered[i]), -1, `${ordered[i - 1]} < ${ordered[i]}`);
    assert.equal(compareVersions('1.4.2+build.7', '1.4.2'), 0);
  });
  it('does not order what is not a version', () => {
    assert.equal(compareVersions('3f9c21e', '1.4.2'), undefined);
  });
});

const v = (host: string, address: string, version?: string, commit?: string, extra: Partial<AddressVersion> = {}): AddressVersion => ({ environment: 'production', host, address, ...(version ? { version } : {}), ...(commit ? { commit } : {}), ...extra });

describe('version verification', () => {
  it('matches a version, a full commit or a 7+ character prefix either way', () => {
    assert.ok(matchesExpected({ version: '1.4.2' }, '1.4.2'));
    assert.ok(matchesExpected({ commit: '3f9c21e5b7d4' }, '3f9c21e5b7d4aaaa'));
    assert.ok(matchesExpected({ commit: '3f9c21e5b7d4' }, '3f9c21e'));
    assert.ok(!matchesExpected({ commit: '3f9c21e5b7d4' }, '3f9c'));
    assert.ok(!matchesExpected({ version: '1.4.1', commit: '8d0b6a4c12ef' }, '1.4.2'));
  });
  it('without an expectation names the addresses that differ from the majority', () => {
    const verdict = verifyVersions('production', [v('a', '1', '1.4.2', 'aaaaaaa1'), v('a', '2', '1.4.1', 'bbbbbbb2'), v('b', '1', '1.4.2', 'aaaaaaa1')], undefined);
    assert.deepEqual(verdict.failures, ['a @ 2 runs 1.4.1 (bbbbbbb) while the others run 1.4.2 (aaaaaaa)']);
    assert.equal(verdict.version, '1.4.2');
  });
  it('reports an address without a version, and a deployment naming another environment', () => {
    const verdict = verifyVersions('production', [v('a', '1', '1.4.2'), v('b', '1', undefined, undefined, { problem: 'status 404' }), v('c', '1', '1.4.2', undefined, { reportedEnvironment: 'staging' })], '1.4.2');
    assert.deepEqual(verdict.failures, ['b @ 1: no version reported (status 404)', 'c @ 1 says it is the "staging" deployment, not "production"']);
  });
  it('with no version endpoint anywhere fails only when a version was expected', () => {
    const none = [v('a', '1', undefined, undefined, { problem: 'status 404' })];
    assert.equal(verifyVersions('production', none, undefined).failures.length, 0);
    assert.match(verifyVersions('production', none, '1.4.2').failures[0], /no address of production reports a version/);
  });
  it('notes environments ahead of and behind the one verified', () => {
    const others = [v('s', '1', '1.5.0-rc.1', undefined, { environment: 'staging' }), v('o', '1', '1.3.0', undefined, { environment: 'old' })];
    assert.deepEqual(environmentNotes('production', '1.4.2', others), ['staging runs 1.5.0-rc.1, ahead of production 1.4.2: not released yet', 'old runs 1.3.0, behind production 1.4.2']);
  });
});

describe('edge facts', () => {
  const before: HostFacts = {
    host: 'www.acme.test',
    tls: { issuer: "O=Let's Encrypt, CN=R10", trusted: true, hostnameMatches: true, validTo: '2027-01-01', fingerprint256: 'AA', protocol: 'TLSv1.3' },
    https: ['200 https://www.acme.test/'],
    http: ['301 http://www.acme.test/ -> https://www.acme.test/', '200 https://www.acme.test/'],
    edge: 'Cloudflare',
  };
  it('calls a renewal from the same issuer a note, and each regression a change', () => {
    assert.deepEqual(compareFacts([before], [{ ...before, tls: { ...before.tls!, fingerprint256: 'BB', validTo: '2027-04-01' } }]), { changed: [], notes: ['www.acme.test: certificate renewed (now valid to 2027-04-01)'] });
    const after: HostFacts = { ...before, tls: { ...before.tls!, issuer: 'CN=Platform CA', trusted: false }, http: ['200 http://www.acme.test/'], edge: null };
    const { changed } = compareFacts([before], [after]);
    assert.equal(changed.length, 4);
    assert.match(changed.join('\n'), /issuer changed from "O=Let's Encrypt, CN=R10" to "CN=Platform CA"/);
    assert.match(changed.join('\n'), /no longer trusted/);
    assert.match(changed.join('\n'), /http:\/\/www\.acme\.test\/ now goes 200 http:\/\/www\.acme\.test\/ \(was 301/);
    assert.match(changed.join('\n'), /edge changed from Cloudflare to none/);
  });
});

describe('deploy log', () => {
  it('appends numbered records, skips a torn line, finds by id and last~N', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lr-log-'));
    try {
      const file = join(dir, 'nested', 'deploys.jsonl');
      const base: Omit<DeployRecord, 'id' | 'result'> = { environment: 'production', expectedFrom: 'flag', timestamp: '2026-11-28T10:00:00Z', who: { name: 'dana', via: 'github' }, failures: [], notes: [], smoke: [], versions: [], otherVersions: [], facts: [], findings: [], diff: { added: [], resolved: [] } };
      await appendRecord(file, { ...base, result: 'pass' });
      await appendFile(file, '{"id": 2, "environm');
      await appendRecord(file, { ...base, result: 'fail' });
      const records = await readLog(file);
      assert.deepEqual(records.map((r) => [r.id, r.result]), [[1, 'pass'], [2, 'fail']]);
      assert.equal(findRecord(records, 'last~1').id, 1);
      assert.equal(findRecord(records, '2').result, 'fail');
      assert.equal(lastGood(records, 'production')?.id, 1);
      assert.equal(lastGood(records, 'staging'), undefined);
      assert.deepEqual(await readLog(join(dir, 'missing.jsonl')), []);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('deploy target', () => {
  const plan: AuditPlan = {
    product: 'Acme',
    domain: 'acme.test',
    canonicalUrl: 'https://www.acme.test/',
    hosts: [],
    environments: [
      { name: 'production', role: 'production', hosts: ['www.acme.test', 'api.acme.test'] },
      { name: 'staging', role: 'staging', hosts: ['staging.acme.test'] },
    ],
    routes: [
      { name: 'home', url: 'https://www.acme.test/?a=1', method: 'GET', headers: {}, kind: 'page', expect: { status: [] } },
      { name: 'partner', url: 'https://partner.example/x', method: 'GET', headers: {}, kind: 'page', expect: { status: [] } },
    ],
    healthUrls: ['https://api.acme.test/api/health'],
    now: '2026-11-28T10:00:00Z',
  };
  it('keeps production routes as declared and rebases them for staging and --base-url', () => {
    assert.deepEqual(deployTarget(plan, {}).routes.map((r) => r.url), ['https://www.acme.test/?a=1']);
    // The partner's page is not part of the shop's staging deployment: it is not re-pointed.
    assert.deepEqual(deployTarget(plan, { env: 'staging' }).routes.map((r) => r.url), ['https://staging.acme.test/?a=1']);
    const preview = deployTarget(plan, { baseUrl: 'https://pr-42.acme.test/' });
    assert.deepEqual([preview.environment, preview.hosts, preview.healthUrls], ['preview', ['pr-42.acme.test'], ['https://pr-42.acme.test/api/health']]);
    assert.throws(() => deployTarget(plan, { env: 'qa' }), /--env qa: no such environment; the config declares production, staging/);
  });
});

describe('who deployed', () => {
  it('takes the CI actor first, then the git author of HEAD', async () => {
    assert.deepEqual(await deployActor(tmpdir(), { GITLAB_USER_LOGIN: 'sam' }), { name: 'sam', via: 'gitlab' });
    assert.deepEqual(await deployActor(tmpdir(), {}), { name: 'unknown', via: 'none' });
  });
});

describe('the monitor store a deploy is marked in', () => {
  it('is the folder given, else the default folder only when a monitor already keeps its store there', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lr-marker-'));
    try {
      assert.equal(monitorStoreFile('data', dir), join(dir, 'data', 'monitor.db'));
      assert.equal(monitorStoreFile(undefined, dir), undefined);
      await mkdir(join(dir, '.launch-ready'));
      await writeFile(join(dir, '.launch-ready', 'monitor.db'), '');
      assert.equal(monitorStoreFile(undefined, dir), join(dir, '.launch-ready', 'monitor.db'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  it('notes the deploy number, where it went and how verification ended', () => {
    const base = { id: 7, environment: 'preview', baseUrl: 'https://pr-42.acme.test/', result: 'fail', failures: ['a'] } as DeployRecord;
    assert.equal(markerNote(base), 'deploy #7 preview (https://pr-42.acme.test/): verification failed (1 problem)');
    assert.equal(markerNote({ ...base, baseUrl: undefined, environment: 'production', result: 'pass', failures: [] } as DeployRecord), 'deploy #7 production: verified');
  });
});

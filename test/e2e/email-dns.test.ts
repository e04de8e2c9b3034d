/**
 * `launch-ready email` and `launch-ready dns diff` against a running demo world (`demo --serve`),
 * through the config it writes: every planted email fault reported with the record to paste, the
 * dropped and drifted records in the plan, and nothing left once the faults are switched off.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { severityAtLeast } from '../../src/core/finding.js';
import { FAULTS, type FaultSpec } from '../../src/demo/faults.js';
import type { Report } from '../../src/report/types.js';
import { runCli } from '../helpers/cli.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
let dir = '';
let world: ChildProcess;

/** Faults that trip an email or DNS check: switched off, they leave the world's mail and DNS as desired. */
const MAIL_AND_DNS_FAULTS = (FAULTS as readonly FaultSpec[]).filter((f) => f.checks.some((id) => /^(email|dns)\./.test(id)));

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lr-email-dns-'));
  world = spawn(process.execPath, ['--import', 'tsx', `${root}src/bin.ts`, 'demo', '--serve', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let banner = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo --serve did not start: ${banner}`)), 30_000);
    world.stdout!.on('data', (d: Buffer) => {
      banner += d.toString();
      if (banner.includes('faults:')) {
        clearTimeout(timer);
        resolve();
      }
    });
    world.once('exit', (code) => reject(new Error(`demo --serve exited with ${code}`)));
  });
});

after(async () => {
  if (world.exitCode === null) world.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

const config = () => join(dir, 'launch-ready.yaml');

async function switchFault(name: string, on: boolean): Promise<void> {
  const { control } = JSON.parse(await readFile(join(dir, 'demo-state.json'), 'utf8')) as { control: string };
  const res = await fetch(`${control}/faults/${name}/${on ? 'on' : 'off'}`, { method: 'POST' });
  assert.equal(res.status, 200, `${name} ${on ? 'on' : 'off'}`);
}

async function diffJson(): Promise<{ code: number | null; changes: Array<{ kind: string; name: string; type: string }>; findings: Array<{ id: string; target: string }> }> {
  const run = await runCli(['dns', 'diff', '--config', config(), '--json']);
  return { code: run.code, ...(JSON.parse(run.stdout) as { changes: []; findings: [] }) };
}

describe('launch-ready email against the demo world', () => {
  it('reports every planted email fault, with the records to paste', async () => {
    const run = await runCli(['email', 'acme.test', '--config', config(), '--format', 'json', '-q']);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as Report;
    const planted = MAIL_AND_DNS_FAULTS.filter((f) => f.enabledByDefault).flatMap((f) => f.checks.filter((id) => id.startsWith('email.')));
    assert.ok(planted.length >= 7, planted.join(', '));
    for (const id of planted) assert.ok(report.findings.some((f) => f.id === id && f.target === 'acme.test'), `${id} not reported`);

    const fix = (id: string) => report.findings.find((f) => f.id === id)?.remediation ?? '';
    assert.match(report.findings.find((f) => f.id === 'email.spf-too-many-lookups')!.evidence, /^11 DNS lookups/);
    // Both SPF findings hand out the same record: flattened under 10 lookups, +all gone.
    const spf = /acme\.test {2}TXT {2}"(v=spf1 [^"]+)"/.exec(fix('email.spf-permissive'))?.[1];
    assert.ok(spf && spf.endsWith(' ~all') && !spf.includes('spf-a.acme.test'), spf);
    assert.ok(fix('email.spf-too-many-lookups').includes(spf));
    assert.match(fix('email.dmarc-not-enforced'), /v=DMARC1; p=quarantine; rua=mailto:dmarc@acme\.test/);
    assert.equal(report.findings.find((f) => f.id === 'email.spf-permissive')?.severity, 'critical');
    assert.equal(report.findings.find((f) => f.id === 'email.dkim-weak')?.severity, 'high');
  });

  it('prints the records it found above the findings', async () => {
    const run = await runCli(['email', '--config', config(), '-q']);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /SPF {6}v=spf1 include:_spf\.mailhost\.test include:spf-a\.acme\.test mx a \+all {2}\(11 DNS lookups\)/);
    assert.match(run.stdout, /DKIM {5}s1 \(1024-bit RSA\)/);
    assert.match(run.stdout, /MX {7}10 mx1\.mailhost\.test, 20 mx2\.mailhost\.test/);
    assert.match(run.stdout, /Publish this record/);
  });
});

describe('launch-ready dns diff against the demo world', () => {
  it('shows the dropped and drifted records, and fails with --expect-no-changes', async () => {
    const run = await runCli(['dns', 'diff', '--config', config(), '--expect-no-changes']);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /^ {2}\+ create {2}shop\.acme\.test A ttl 300 "127\.0\.0\.1"$/m);
    assert.match(run.stdout, /^ {2}- delete {2}www\.acme\.test TXT ttl 300 "stripe-verification=demo"$/m);
    assert.match(run.stdout, /^ {2}~ modify {2}acme\.test TXT "v=spf1 [^"]*\+all" → "v=spf1 include:_spf\.mailhost\.test -all"$/m);
    assert.match(run.stdout, /HIGH dns\.subdomain-broken {2}shop\.acme\.test/);
    assert.match(run.stderr, /--expect-no-changes: \d+ changes/);
  });

  it('shows api.acme.test once dns-api-dropped deletes it', async () => {
    const on = await runCli(['demo', 'fault', 'dns-api-dropped', 'on', '--dir', dir]);
    assert.equal(on.code, 0, on.stderr);
    try {
      const diff = await diffJson();
      assert.equal(diff.code, 0, 'without --expect-no-changes a diff is not a failure');
      assert.ok(diff.changes.some((c) => c.kind === 'create' && c.name === 'api.acme.test' && c.type === 'A'), JSON.stringify(diff.changes));
      assert.ok(diff.findings.some((f) => f.id === 'dns.subdomain-broken' && f.target === 'api.acme.test'));
    } finally {
      await switchFault('dns-api-dropped', false);
    }
  });
});

// Last: it repairs the world the tests above rely on.
describe('the demo world with its email and DNS faults off', () => {
  it('matches its desired zone and has no email finding above info', async () => {
    for (const f of MAIL_AND_DNS_FAULTS) await switchFault(f.name, false);
    const diff = await runCli(['dns', 'diff', '--config', config(), '--expect-no-changes']);
    assert.equal(diff.code, 0, diff.stdout + diff.stderr);
    assert.match(diff.stdout, /No changes: the live DNS matches the desired state\./);
    const email = await runCli(['email', '--config', config(), '--format', 'json', '-q']);
    assert.equal(email.code, 0, email.stderr);
    const findings = (JSON.parse(email.stdout) as Report).findings;
    assert.deepEqual(findings.filter((f) => severityAtLeast(f.severity, 'low')).map((f) => f.id), []);
  });
});

/**
 * `launch-ready email` and `launch-ready dns diff` against a running demo world (`demo --serve`),
 * through the config it writes: every planted email fault reported with the record to paste, the
 * dropped and drifted records in the plan, and nothing left once the faults are switched off.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { severityAtLeast } from '../../src/core/finding.js';
import { FAULTS, type FaultSpec } from '../../src/demo/faults.js';
import type { Report } from '../../src/report/types.js';
import { runCli } from '../helpers/cli.js';
import { serveDemoWorld, type ServedWorld } from '../helpers/demo-world.js';

let world: ServedWorld;

/** Faults that trip an email or DNS check: switched off, they leave the world's mail and DNS as desired. */
const MAIL_AND_DNS_FAULTS = (FAULTS as readonly FaultSpec[]).filter((f) => f.checks.some((id) => /^(email|dns)\./.test(id)));

before(async () => {
  world = await serveDemoWorld('lr-email-dns-');
});

after(() => world.close());

const config = () => world.config;

/** A record as the remediation lists it: `  NAME  TYPE  VALUE`. */
const RECORD_LINE = /^ +\S+ {2}(TXT|MX|A|AAAA|CNAME|CAA) {2}\S/m;

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
    for (const id of planted) {
      const finding = report.findings.find((f) => f.id === id && f.target === 'acme.test');
      assert.ok(finding, `${id} not reported`);
      assert.match(finding.remediation, RECORD_LINE, `${id} gives no record to paste`);
    }

    const fix = (id: string) => report.findings.find((f) => f.id === id)?.remediation ?? '';
    assert.match(report.findings.find((f) => f.id === 'email.spf-too-many-lookups')!.evidence, /^11 DNS lookups/);
    // Both SPF findings hand out the same record: flattened under 10 lookups, +all gone.
    const spf = /acme\.test {2}TXT {2}"(v=spf1 [^"]+)"/.exec(fix('email.spf-permissive'))?.[1];
    assert.ok(spf && spf.endsWith(' ~all') && !spf.includes('spf-a.acme.test'), spf);
    assert.ok(fix('email.spf-too-many-lookups').includes(spf));
    assert.match(fix('email.dmarc-not-enforced'), /v=DMARC1; p=quarantine; rua=mailto:dmarc@acme\.test/);
    assert.equal(report.findings.find((f) => f.id === 'email.spf-permissive')?.severity, 'critical');
    assert.equal(report.findings.find((f) => f.id === 'email.dkim-weak')?.severity, 'high');
    // The weak key: a new selector with the 2048-bit key's shape, then the old one revoked.
    assert.match(fix('email.dkim-weak'), /^ +s2\._domainkey\.acme\.test {2}TXT {2}"v=DKIM1; k=rsa; p=<the 2048-bit RSA public key/m);
    assert.match(fix('email.dkim-weak'), /^ +s1\._domainkey\.acme\.test {2}TXT {2}"v=DKIM1; p="$/m);
    // The dead MX host: the set without it.
    assert.match(fix('email.mx-unresolvable'), /^ {2}acme\.test {2}MX {2}10 mx1\.mailhost\.test$/m);
    assert.doesNotMatch(fix('email.mx-unresolvable'), /MX {2}20 mx2/);
  });

  it('gives the starter DMARC record once dmarc-missing removes the record', async () => {
    await world.switchFault('dmarc-missing', true);
    try {
      const run = await runCli(['email', 'acme.test', '--config', config(), '--format', 'json', '-q']);
      const missing = (JSON.parse(run.stdout) as Report).findings.find((f) => f.id === 'email.dmarc-missing');
      assert.match(missing?.remediation ?? '', /^ {2}_dmarc\.acme\.test {2}TXT {2}"v=DMARC1; p=none; rua=mailto:dmarc-reports@acme\.test; fo=1"$/m);
    } finally {
      await world.switchFault('dmarc-missing', false);
    }
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
    const on = await runCli(['demo', 'fault', 'dns-api-dropped', 'on', '--dir', world.dir]);
    assert.equal(on.code, 0, on.stderr);
    try {
      const diff = await diffJson();
      assert.equal(diff.code, 0, 'without --expect-no-changes a diff is not a failure');
      assert.ok(diff.changes.some((c) => c.kind === 'create' && c.name === 'api.acme.test' && c.type === 'A'), JSON.stringify(diff.changes));
      assert.ok(diff.findings.some((f) => f.id === 'dns.subdomain-broken' && f.target === 'api.acme.test'));
    } finally {
      await world.switchFault('dns-api-dropped', false);
    }
  });
});

// Last: it repairs the world the tests above rely on.
describe('the demo world with its email and DNS faults off', () => {
  it('matches its desired zone and has no email finding above info', async () => {
    for (const f of MAIL_AND_DNS_FAULTS) await world.switchFault(f.name, false);
    const diff = await runCli(['dns', 'diff', '--config', config(), '--expect-no-changes']);
    assert.equal(diff.code, 0, diff.stdout + diff.stderr);
    assert.match(diff.stdout, /No changes: the live DNS matches the desired state\./);
    const email = await runCli(['email', '--config', config(), '--format', 'json', '-q']);
    assert.equal(email.code, 0, email.stderr);
    const findings = (JSON.parse(email.stdout) as Report).findings;
    assert.deepEqual(findings.filter((f) => severityAtLeast(f.severity, 'low')).map((f) => f.id), []);
  });
});

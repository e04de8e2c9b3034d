/**
 * `launch-ready dns snapshot` and `dns diff` end to end against a real DNS server on loopback:
 * snapshot → diff round trip, TTL-only drift, a dropped subdomain, a dangerous plan from a zone
 * file, JSON output, --expect-no-changes exit codes, and a server that never answers.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { dnsCommandWith } from '../../src/cli/dns-command.js';
import { UsageError } from '../../src/core/errors.js';
import { startDnsServer, type DnsServer } from '../../src/demo/dns-server.js';
import type { ZoneRecord } from '../../src/demo/dns-zone.js';
import { formatZoneFile } from '../../src/demo/zone-file.js';

const RECORDS: ZoneRecord[] = [
  { name: 'acme.test', type: 'NS', data: 'ns1.acme.test' },
  { name: 'ns1.acme.test', type: 'A', data: '127.0.0.1' },
  { name: 'acme.test', type: 'A', data: '127.0.0.1' },
  { name: 'acme.test', type: 'A', data: '127.0.0.2' },
  { name: 'acme.test', type: 'MX', data: { preference: 10, exchange: 'mx.acme.test' } },
  { name: 'mx.acme.test', type: 'A', data: '127.0.0.25' },
  { name: 'acme.test', type: 'TXT', data: 'v=spf1 mx -all' },
  { name: 'www.acme.test', type: 'CNAME', data: 'acme.test' },
  { name: 'app.acme.test', type: 'A', data: '127.0.0.3' },
  { name: 'api.acme.test', type: 'A', data: '127.0.0.4' },
  { name: 'admin.acme.test', type: 'A', data: '127.0.0.5' },
  { name: '_dmarc.acme.test', type: 'TXT', data: 'v=DMARC1; p=reject; rua=mailto:d@acme.test' },
  { name: 's1._domainkey.acme.test', type: 'TXT', data: 'v=DKIM1; k=rsa; p=MIIBIjAN' },
];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe('launch-ready dns snapshot / diff', () => {
  let server: DnsServer;
  let silent: DnsServer;
  let dir = '';
  let config = '';

  async function cli(args: string[], dnsServer = server.endpoint): Promise<Run> {
    const out: string[] = [];
    const err: string[] = [];
    const stream = (into: string[]) => ({ isTTY: false, write: (chunk: string | Uint8Array) => into.push(String(chunk)) > 0 });
    let code = -1;
    const root = new Command('launch-ready').exitOverride();
    dnsCommandWith({ stdout: stream(out), stderr: stream(err) })(root, (fn) => async (...a) => {
      code = await fn(...a);
    });
    await root.parseAsync(['dns', ...args, '--config', config, '--dns-server', dnsServer, '--timeout', '400ms'], { from: 'user' });
    return { code, stdout: out.join(''), stderr: err.join('') };
  }

  before(async () => {
    server = await startDnsServer({ zones: [{ origin: 'acme.test', records: RECORDS }] });
    silent = await startDnsServer({ zones: [{ origin: 'acme.test', records: RECORDS }], hang: true });
    dir = await mkdtemp(join(tmpdir(), 'lr-dns-test-'));
    config = join(dir, 'launch-ready.yaml');
    await writeFile(
      config,
      'product: Acme\ndomain: acme.test\ncanonical: https://www.acme.test/\nhosts: [app.acme.test, api.acme.test, admin.acme.test]\nemail: { dkimSelectors: [s1] }\ndns: { desired: dns.yaml }\n',
    );
  });
  after(async () => {
    await server.close();
    await silent.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('snapshot writes the declared, discovered and mail names to dns.desired', async () => {
    const run = await cli(['snapshot']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Wrote .*dns\.yaml: \d+ record sets on \d+ names of acme\.test, read from 127\.0\.0\.1:\d+\./);
    const yaml = await readFile(join(dir, 'dns.yaml'), 'utf8');
    for (const line of [
      '  "@":\n    A: { ttl: 300, values: ["127.0.0.1", "127.0.0.2"] }\n    MX: { ttl: 300, values: ["10 mx.acme.test"] }\n    TXT: { ttl: 300, values: ["v=spf1 mx -all"] }\n    NS: { ttl: 300, values: ["ns1.acme.test"] }',
      '  "www":\n    CNAME: { ttl: 300, values: ["acme.test"] }\n',
      '  "api":\n    A: { ttl: 300, values: ["127.0.0.4"] }',
      '  "_dmarc":\n    TXT:',
      '  "s1._domainkey":\n    TXT:',
      '  "mx":\n    A: { ttl: 300, values: ["127.0.0.25"] }',
    ]) {
      assert.ok(yaml.includes(line), `missing:\n${line}\nin:\n${yaml}`);
    }
  });

  it('snapshot refuses to overwrite without --force', async () => {
    await assert.rejects(cli(['snapshot']), (err: unknown) => err instanceof UsageError && err.code === 'LR_WOULD_OVERWRITE');
  });

  it('diff right after the snapshot: no changes, exit 0 even with --expect-no-changes', async () => {
    const run = await cli(['diff', '--expect-no-changes']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /No changes: the live DNS matches the desired state\.\n\nPlan: 0 to create, 0 to modify, 0 to delete, 0 TTL-only; \d+ unchanged\./);
  });

  it('a TTL-only change is listed apart, is drift, and fails --expect-no-changes', async () => {
    server.setRecords('app.acme.test', 'A', ['127.0.0.3'], 60);
    try {
      const run = await cli(['diff', '--expect-no-changes']);
      assert.equal(run.code, 1);
      assert.match(run.stdout, /TTL-only changes:\n {2}~ ttl {5}app\.acme\.test A 60 → 300 "127\.0\.0\.3"/);
      assert.match(run.stdout, /LOW dns\.drift {2}app\.acme\.test/);
      assert.match(run.stderr, /--expect-no-changes: 1 change\./);
    } finally {
      server.setRecords('app.acme.test', 'A', ['127.0.0.3']);
    }
  });

  it('a dropped subdomain: + create in the plan, dns.subdomain-broken, exit 1; without the flag exit 0', async () => {
    server.remove('api.acme.test');
    try {
      const gate = await cli(['diff', '--expect-no-changes']);
      assert.equal(gate.code, 1);
      assert.match(gate.stdout, /\+ create {2}api\.acme\.test A ttl 300 "127\.0\.0\.4"/);
      assert.match(gate.stdout, /HIGH dns\.subdomain-broken {2}api\.acme\.test — A host of the desired state no longer resolves/);
      const json = await cli(['diff', '--json']);
      assert.equal(json.code, 0);
      const report = JSON.parse(json.stdout) as { summary: Record<string, number>; changes: Array<{ kind: string; name: string }>; findings: Array<{ id: string; target: string; evidence: string }> };
      assert.equal(report.summary.create, 1);
      assert.deepEqual(report.changes.map((c) => [c.kind, c.name]), [['create', 'api.acme.test']]);
      assert.deepEqual(report.findings.map((f) => [f.id, f.target]), [['dns.subdomain-broken', 'api.acme.test']]);
      assert.match(report.findings[0].evidence, /live: NXDOMAIN/);
    } finally {
      server.setRecords('api.acme.test', 'A', ['127.0.0.4']);
    }
  });

  it('a zone file as the desired state; a plan that changes the apex NS is flagged dangerous first', async () => {
    const zone = join(dir, 'acme.zone');
    await writeFile(zone, formatZoneFile({ origin: 'acme.test', records: [...RECORDS.filter((r) => r.type !== 'NS'), { name: 'acme.test', type: 'NS', data: 'ns1.other-dns.test' }] }));
    const run = await cli(['diff', '--zone', zone]);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^DNS plan for acme\.test: .*acme\.zone \(desired\)[^\n]*\n\nDANGEROUS PLAN — do not apply it without a second look:\n {2}! it changes the apex NS records of acme\.test \(ns1\.acme\.test → ns1\.other-dns\.test\)/);
    assert.match(run.stdout, /~ modify {2}acme\.test NS "ns1\.acme\.test" → "ns1\.other-dns\.test"/);
    assert.match(run.stdout, /Not compared \(types the diff does not cover\): 1 SOA\./);
  });

  it('--desired and --zone together is a usage error', async () => {
    await assert.rejects(cli(['diff', '--desired', 'a.yaml', '--zone', 'b.zone']), (err: unknown) => err instanceof UsageError && err.exitCode === 2);
  });

  it('a server that never answers: diff lists what it could not read and fails the gate; snapshot writes nothing', async () => {
    const started = Date.now();
    const run = await cli(['diff', '--expect-no-changes'], silent.endpoint);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /Could not be read \(not counted as changes\):\n {2}\? /);
    assert.match(run.stdout, /Plan: 0 to create, 0 to modify, 0 to delete, 0 TTL-only; 0 unchanged\./);
    const out = join(dir, 'silent.yaml');
    const snap = await cli(['snapshot', '--out', out], silent.endpoint);
    assert.equal(snap.code, 1);
    assert.match(snap.stderr, /nothing written: \d+ lookups failed/);
    assert.equal(existsSync(out), false);
    assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
  });
});

/**
 * The email stage against a real DNS server on loopback (the demo world's server): lookup counting
 * over the wire, and hostile records — a 64 KB TXT answer (UDP truncation, then TCP), an include
 * cycle, 100 nested includes, a server that never answers. Each ends in a clear finding, fast.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emailChecks } from '../../src/checks/email/index.js';
import { runChecks } from '../../src/core/runner.js';
import { startDnsServer, type DnsServer } from '../../src/demo/dns-server.js';
import type { ZoneRecord } from '../../src/demo/dns-zone.js';
import { collectEmailRecords } from '../../src/email/collect.js';
import { dnsClientResolver } from '../../src/email/dns-client-resolver.js';
import { checkHost } from '../../src/email/spf/check-host.js';
import { totalLookups } from '../../src/email/spf/walk.js';
import { DnsClient } from '../../src/net/dns-client.js';
import { plan } from '../helpers/artifacts.js';
import { KEY_2048 } from './zones.js';

/** A 64 KB SPF record: near the 64 KB a DNS message can carry, far over the 512 bytes RFC 7208 §3.4 advises. */
const BIG_SPF = `v=spf1 ${Array.from({ length: 3580 }, (_, i) => `ip4:10.${Math.floor(i / 250)}.${i % 250}.0/24`).join(' ')} -all`;

function txt(name: string, data: string | string[]): ZoneRecord {
  return { name, type: 'TXT', data };
}

function domainRecords(domain: string, spf: string): ZoneRecord[] {
  return [
    txt(domain, spf),
    { name: domain, type: 'MX', data: { preference: 10, exchange: `mx.${domain}` } },
    { name: `mx.${domain}`, type: 'A', data: '127.0.0.1' },
    txt(`_dmarc.${domain}`, 'v=DMARC1; p=reject; rua=mailto:dmarc@acme.test'),
    txt(`google._domainkey.${domain}`, ['v=DKIM1; k=rsa; p=', KEY_2048]),
  ];
}

const ELEVEN = 'v=spf1 include:l1.acme.test include:l2.acme.test mx a -all';

const records: ZoneRecord[] = [
  ...domainRecords('acme.test', ELEVEN),
  { name: 'acme.test', type: 'A', data: '127.0.0.1' },
  txt('l1.acme.test', 'v=spf1 include:l3.acme.test include:l4.acme.test a:mx.acme.test -all'),
  txt('l2.acme.test', 'v=spf1 include:l5.acme.test mx:acme.test -all'),
  txt('l3.acme.test', 'v=spf1 ip4:192.0.2.3 -all'),
  txt('l4.acme.test', 'v=spf1 include:l6.acme.test -all'),
  txt('l5.acme.test', 'v=spf1 ip4:192.0.2.5 -all'),
  txt('l6.acme.test', 'v=spf1 a:mx.acme.test ip4:192.0.2.6 -all'),
  ...domainRecords('big.acme.test', BIG_SPF),
  ...domainRecords('cycle.acme.test', 'v=spf1 include:c1.acme.test -all'),
  txt('c1.acme.test', 'v=spf1 include:c2.acme.test -all'),
  txt('c2.acme.test', 'v=spf1 include:cycle.acme.test -all'),
  ...domainRecords('deep.acme.test', 'v=spf1 include:n1.acme.test -all'),
  ...Array.from({ length: 100 }, (_, i) => txt(`n${i + 1}.acme.test`, i === 99 ? 'v=spf1 ip4:192.0.2.99 -all' : `v=spf1 include:n${i + 2}.acme.test -all`)),
  ...domainRecords('nullmx.acme.test', 'v=spf1 -all'),
];

describe('email checks over a real DNS server', () => {
  let server: DnsServer;
  let silent: DnsServer;
  let dns: DnsClient;

  before(async () => {
    server = await startDnsServer({ zones: [{ origin: 'acme.test', records }] });
    silent = await startDnsServer({ zones: [{ origin: 'acme.test', records }], hang: true });
    dns = new DnsClient({ dnsServers: [server.endpoint], timeoutMs: 1500 });
  });
  after(async () => {
    await server.close();
    await silent.close();
  });

  async function audit(domain: string, client = dns) {
    const email = await collectEmailRecords(domain, [], { dns: dnsClientResolver(client), fetchPolicy: async () => ({ status: 404, body: '' }), webHosts: [domain], concurrency: 8 });
    const run = runChecks(emailChecks, { plan: plan({ domain }), email });
    return { email, run, ids: run.findings.map((f) => f.id) };
  }

  it('counts 11 lookups through nested includes, over the wire, and says so', async () => {
    const { email, run } = await audit('acme.test');
    assert.equal(totalLookups(email.spf), 11);
    const finding = run.findings.find((f) => f.id === 'email.spf-too-many-lookups');
    assert.ok(finding, JSON.stringify(run.findings.map((f) => f.id)));
    assert.match(finding.evidence, /^11 DNS lookups/);
    assert.match(finding.remediation, /^ {2}acme\.test {2}TXT {2}"v=spf1 include:l2\.acme\.test mx a ip4:[^"]+ -all"$/m);
    assert.match(finding.remediation, /^What changed: include:l1\.acme\.test replaced by the addresses it authorises today \(\d+ lookups;/m);
    const verdict = await checkHost(dnsClientResolver(dns), { ip: '203.0.113.9', sender: 'shop@acme.test' });
    assert.equal(verdict.result, 'permerror');
    assert.match(verdict.reason ?? '', /more than 10 DNS lookups/);
    const allowed = await checkHost(dnsClientResolver(dns), { ip: '192.0.2.3', sender: 'shop@acme.test' });
    assert.deepEqual([allowed.result, allowed.mechanism], ['pass', 'include:l1.acme.test']);
  });

  it('a 64 KB TXT answer comes over TCP, is evaluated, and is reported as too large', async () => {
    const { email, run } = await audit('big.acme.test');
    assert.ok((email.spf.txtBytes ?? 0) > 60_000, `got ${email.spf.txtBytes} bytes`);
    const large = run.findings.find((f) => f.id === 'email.spf-too-large');
    assert.equal(large?.severity, 'medium');
    const verdict = await checkHost(dnsClientResolver(dns), { ip: '10.3.7.1', sender: 'a@big.acme.test' });
    assert.equal(verdict.result, 'pass');
  });

  it('an include cycle is a finding and a permerror, not a hang', async () => {
    const { run } = await audit('cycle.acme.test');
    const loop = run.findings.find((f) => f.id === 'email.spf-loop');
    assert.match(loop?.evidence ?? '', /cycle\.acme\.test → c1\.acme\.test → c2\.acme\.test → cycle\.acme\.test/);
    const verdict = await checkHost(dnsClientResolver(dns), { ip: '192.0.2.1', sender: 'a@cycle.acme.test' });
    assert.equal(verdict.result, 'permerror');
  });

  it('100 nested includes: the walk is cut, the finding says "at least", check_host stops at 11', async () => {
    const { run } = await audit('deep.acme.test');
    const finding = run.findings.find((f) => f.id === 'email.spf-too-many-lookups');
    assert.match(finding?.evidence ?? '', /^at least 2\d DNS lookups/);
    const verdict = await checkHost(dnsClientResolver(dns), { ip: '192.0.2.99', sender: 'a@deep.acme.test' });
    assert.deepEqual([verdict.result, verdict.lookups], ['permerror', 11]);
  });

  it('a Null MX is read as such', async () => {
    const { email } = await audit('nullmx.acme.test');
    assert.equal(email.mx.status, 'ok');
  });

  it('a server that never answers: a lookup-failed finding after a few timeouts, no hang', async () => {
    const client = new DnsClient({ dnsServers: [silent.endpoint], timeoutMs: 300 });
    let sent = 0;
    const counting = Object.create(client) as DnsClient;
    counting.query = (name, type) => {
      sent++;
      return client.query(name, type);
    };
    const { ids, run } = await audit('acme.test', counting);
    // The stage makes over 50 lookups; after three timeouts in a row the rest are not sent (those already in flight, at most --concurrency, still are).
    assert.ok(sent <= 20, `${sent} queries sent to a server that never answers`);
    assert.ok(ids.includes('email.lookup-failed'), ids.join(', '));
    assert.ok(!ids.includes('email.spf-missing') && !ids.includes('email.dmarc-missing') && !ids.includes('email.dkim-missing'), `no false "missing": ${ids.join(', ')}`);
    assert.match(run.findings.find((f) => f.id === 'email.lookup-failed')?.evidence ?? '', /acme\.test TXT \(SPF\): ETIMEOUT/);
    const verdict = await checkHost(dnsClientResolver(client), { ip: '192.0.2.1', sender: 'a@acme.test' });
    assert.equal(verdict.result, 'temperror');
  });
});

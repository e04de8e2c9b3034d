/** `launch-ready email DOMAIN` and `email spf-test` as a user runs them, against a DNS server on loopback. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startDnsServer, type DnsServer } from '../../src/demo/dns-server.js';
import type { Report } from '../../src/report/types.js';
import { KEY_1024 } from './zones.js';

const script = fileURLToPath(new URL('./email-cli.ts', import.meta.url));

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`email ${args.join(' ')} did not finish\n${stderr}`));
    }, 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('launch-ready email', () => {
  let server: DnsServer;
  let net: string[];

  before(async () => {
    server = await startDnsServer({
      zones: [
        {
          origin: 'acme.test',
          records: [
            { name: 'acme.test', type: 'TXT', data: 'v=spf1 include:_spf.acme.test +all exp=why.acme.test' },
            { name: 'why.acme.test', type: 'TXT', data: '%{i} may not send for %{d}' },
            { name: '_spf.acme.test', type: 'TXT', data: 'v=spf1 ip4:127.0.0.0/8 -all' },
            { name: 'acme.test', type: 'MX', data: { preference: 10, exchange: 'mx.acme.test' } },
            { name: 'mx.acme.test', type: 'A', data: '127.0.0.25' },
            { name: '_dmarc.acme.test', type: 'TXT', data: 'v=DMARC1; p=none; rua=mailto:d@acme.test' },
            { name: 's1._domainkey.acme.test', type: 'TXT', data: ['v=DKIM1; k=rsa; p=', KEY_1024] },
            { name: 'strict.acme.test', type: 'TXT', data: 'v=spf1 ip4:127.0.0.0/8 exp=why.acme.test -all' },
          ],
        },
      ],
    });
    net = ['--dns-server', server.endpoint, '--timeout', '1s'];
  });
  after(() => server.close());

  it('reports the planted faults with the records to paste, JSON, exit 1 at --fail-on high', async () => {
    const r = await run(['email', 'acme.test', ...net, '--json', '-q']);
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout) as Report;
    const ids = report.findings.map((f) => f.id);
    for (const id of ['email.spf-permissive', 'email.dmarc-not-enforced', 'email.dkim-weak']) assert.ok(ids.includes(id), `${id} missing from ${ids.join(', ')}`);
    assert.deepEqual(report.minimumBar.map((m) => [m.id, m.status]), [['email', 'not-met']]);
    const permissive = report.findings.find((f) => f.id === 'email.spf-permissive');
    assert.equal(permissive?.title, 'Anyone on the internet can send email as acme.test: your SPF record ends in +all');
    assert.match(permissive?.remediation ?? '', /^ {2}acme\.test {2}TXT {2}"v=spf1 include:_spf\.acme\.test ~all exp=why\.acme\.test"$/m);
    assert.match(report.findings.find((f) => f.id === 'email.dmarc-not-enforced')?.remediation ?? '', /v=DMARC1; p=quarantine; rua=mailto:d@acme\.test/);
  });

  it('prints the records found above the ranked findings', async () => {
    const r = await run(['email', 'acme.test', ...net, '-q', '--fail-on', 'critical']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^Email records of acme\.test\n {2}SPF {6}v=spf1 include:_spf\.acme\.test \+all exp=why\.acme\.test {2}\(1 DNS lookup\)\n {2}DMARC {4}v=DMARC1; p=none/);
    assert.match(r.stdout, /DKIM {5}s1 \(1024-bit RSA\)/);
    assert.match(r.stdout, /#1 CRITICAL email\.spf-permissive {2}acme\.test/);
  });

  it('rejects what is not a domain (exit 2)', async () => {
    const r = await run(['email', 'https://acme.test/', ...net]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is not a domain name such as acme\.test/);
  });
});

describe('launch-ready email spf-test', () => {
  let server: DnsServer;
  let net: string[];
  before(async () => {
    server = await startDnsServer({
      zones: [
        {
          origin: 'acme.test',
          records: [
            { name: 'acme.test', type: 'TXT', data: 'v=spf1 include:_spf.acme.test exp=why.acme.test -all' },
            { name: '_spf.acme.test', type: 'TXT', data: 'v=spf1 ip4:192.0.2.0/24 -all' },
            { name: 'why.acme.test', type: 'TXT', data: '%{i} may not send for %{d}' },
          ],
        },
      ],
    });
    net = ['--dns-server', server.endpoint, '--timeout', '1s'];
  });
  after(() => server.close());

  it('a pass names the mechanism that matched; exit 0', async () => {
    const r = await run(['email', 'spf-test', '--ip', '192.0.2.7', '--from', 'shop@acme.test', ...net]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^SPF check for 192\.0\.2\.7, MAIL FROM shop@acme\.test\nResult: {6}pass — the server is authorised/);
    assert.match(r.stdout, /Decided by: {2}include:_spf\.acme\.test in the record of acme\.test/);
  });

  it('a fail with its explanation, as JSON; still exit 0', async () => {
    const r = await run(['email', 'spf-test', '--ip', '203.0.113.9', '--from', 'shop@acme.test', '--helo', 'mail.example', '--json', ...net]);
    assert.equal(r.code, 0, r.stderr);
    const v = JSON.parse(r.stdout) as { result: string; mechanism: string; explanation: string; lookups: number; helo: string };
    assert.deepEqual([v.result, v.mechanism, v.explanation, v.lookups, v.helo], ['fail', '-all', '203.0.113.9 may not send for acme.test', 1, 'mail.example']);
  });

  it('a DNS server that does not answer: temperror, exit 0', async () => {
    const r = await run(['email', 'spf-test', '--ip', '192.0.2.7', '--from', 'shop@acme.test', '--dns-server', '127.0.0.1:9', '--timeout', '300ms', '--json']);
    assert.equal(r.code, 0);
    assert.equal((JSON.parse(r.stdout) as { result: string }).result, 'temperror');
  });

  const usage: Array<[string[], RegExp]> = [
    [['--ip', 'not-an-ip', '--from', 'a@acme.test'], /--ip "not-an-ip": expected an IPv4 or IPv6 address/],
    [['--ip', '192.0.2.1', '--from', 'a@'], /--from "a@": expected an address/],
    [['--ip', '192.0.2.1', '--from', '<>'], /the null sender .* give --helo NAME/],
    [['--ip', '192.0.2.1'], /required option '--from <sender>' not specified/],
  ];
  for (const [args, message] of usage) {
    it(`usage error, exit 2: ${args.join(' ')}`, async () => {
      const r = await run(['email', 'spf-test', ...args, ...net]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
    });
  }
});

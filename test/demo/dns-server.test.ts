import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Resolver } from 'node:dns/promises';
import { createSocket } from 'node:dgram';
import * as dnsPacket from 'dns-packet';
import { startDnsServer, type DnsServer } from '../../src/demo/dns-server.js';

const LONG_TXT = 'v=DKIM1; k=rsa; p=' + 'A'.repeat(2048);

describe('demo DNS server', () => {
  let server: DnsServer;
  let resolver: Resolver;

  before(async () => {
    server = await startDnsServer({
      zones: [
        {
          origin: 'example.test',
          records: [
            { name: 'example.test', type: 'A', data: '127.0.0.1' },
            { name: 'example.test', type: 'A', data: '127.0.0.2' },
            { name: 'example.test', type: 'AAAA', data: '::1' },
            { name: 'example.test', type: 'MX', data: { preference: 10, exchange: 'mail.example.test' } },
            { name: 'example.test', type: 'NS', data: 'ns1.example.test' },
            { name: 'example.test', type: 'TXT', data: 'v=spf1 -all' },
            { name: 'example.test', type: 'CAA', data: { tag: 'issue', value: 'ca.example.test' } },
            { name: '_sip._tcp.example.test', type: 'SRV', data: { priority: 10, weight: 5, port: 5060, target: 'sip.example.test' } },
            { name: 'www.example.test', type: 'CNAME', data: 'example.test' },
            { name: 'gone.example.test', type: 'CNAME', data: 'missing.pages.test' },
            { name: 'long.example.test', type: 'TXT', data: LONG_TXT },
            { name: 's1._domainkey.example.test', type: 'TXT', data: 'v=DKIM1; p=' },
          ],
        },
        { origin: 'pages.test', records: [] },
      ],
    });
    resolver = new Resolver({ timeout: 1000, tries: 1 });
    resolver.setServers([server.endpoint]);
  });
  after(() => server.close());

  it('answers A, AAAA, MX, NS, TXT, CAA, SRV and SOA', async () => {
    assert.deepEqual((await resolver.resolve4('example.test')).sort(), ['127.0.0.1', '127.0.0.2']);
    assert.deepEqual(await resolver.resolve6('example.test'), ['::1']);
    assert.deepEqual(await resolver.resolveMx('example.test'), [{ priority: 10, exchange: 'mail.example.test' }]);
    assert.deepEqual(await resolver.resolveNs('example.test'), ['ns1.example.test']);
    assert.deepEqual(await resolver.resolveTxt('example.test'), [['v=spf1 -all']]);
    assert.deepEqual(await resolver.resolveCaa('example.test'), [{ critical: 0, issue: 'ca.example.test' }]);
    assert.deepEqual(await resolver.resolveSrv('_sip._tcp.example.test'), [{ priority: 10, weight: 5, port: 5060, name: 'sip.example.test' }]);
    const soa = await resolver.resolveSoa('example.test');
    assert.equal(soa.nsname, 'ns1.example.test');
  });

  it('answers CNAME and includes the chain target in an address answer', async () => {
    assert.deepEqual(await resolver.resolveCname('www.example.test'), ['example.test']);
    assert.deepEqual((await resolver.resolve4('www.example.test')).sort(), ['127.0.0.1', '127.0.0.2']);
  });

  it('tells NXDOMAIN from NODATA, and a CNAME to a missing name is NXDOMAIN', async () => {
    await assert.rejects(resolver.resolve4('nope.example.test'), { code: 'ENOTFOUND' });
    await assert.rejects(resolver.resolveSrv('example.test'), { code: 'ENODATA' });
    assert.deepEqual(await resolver.resolveMx('www.example.test'), [{ priority: 10, exchange: 'mail.example.test' }], 'MX through the CNAME');
    await assert.rejects(resolver.resolve6('_sip._tcp.example.test'), { code: 'ENODATA' });
    // An empty non-terminal exists (RFC 8020).
    await assert.rejects(resolver.resolveTxt('_domainkey.example.test'), { code: 'ENODATA' });
    await assert.rejects(resolver.resolve4('gone.example.test'), { code: 'ENOTFOUND' });
    assert.deepEqual(await resolver.resolveCname('gone.example.test'), ['missing.pages.test']);
  });

  it('refuses names outside its zones', async () => {
    await assert.rejects(resolver.resolve4('example.org'), { code: 'EREFUSED' });
  });

  it('splits a 2 KB TXT into 255-byte strings and serves it over TCP after truncating over UDP', async () => {
    const udp = await new Promise<dnsPacket.DecodedPacket>((resolve) => {
      const socket = createSocket('udp4');
      socket.on('message', (msg) => {
        socket.close();
        resolve(dnsPacket.decode(msg));
      });
      socket.send(dnsPacket.encode({ type: 'query', id: 7, questions: [{ name: 'long.example.test', type: 'TXT' }] }), server.port, '127.0.0.1');
    });
    assert.equal(udp.flag_tc, true, 'UDP answer is truncated');
    assert.equal(udp.answers?.length ?? 0, 0);
    const txt = await resolver.resolveTxt('long.example.test');
    assert.equal(txt.length, 1);
    assert.equal(txt[0].length, Math.ceil(LONG_TXT.length / 255));
    assert.ok(txt[0].every((s) => s.length <= 255));
    assert.equal(txt[0].join(''), LONG_TXT);
  });

  it('serves record changes made while running', async () => {
    server.setRecords('new.example.test', 'A', ['127.0.0.9']);
    assert.deepEqual(await resolver.resolve4('new.example.test'), ['127.0.0.9']);
    server.remove('new.example.test');
    await assert.rejects(resolver.resolve4('new.example.test'), { code: 'ENOTFOUND' });
  });

  it('refuses a TXT record over 65,535 bytes, which no DNS message can carry, and keeps serving', async () => {
    const huge = 'v=spf1 '.padEnd(70_000, 'x');
    assert.throws(() => server.setRecords('huge.example.test', 'TXT', [huge]), { name: 'RangeError', message: /huge\.example\.test TXT: .*over the 65535 .*RFC 1035/ });
    assert.throws(() => server.load([{ origin: 'example.test', records: [{ name: 'huge.example.test', type: 'TXT', data: huge }] }]), RangeError);
    assert.deepEqual(await resolver.resolveTxt('example.test'), [['v=spf1 -all']], 'the zones loaded before are still served');
    await assert.rejects(resolver.resolveTxt('huge.example.test'), { code: 'ENOTFOUND' });
  });

  it('answers SERVFAIL, and keeps serving, for a record set too big for TCP or a record it cannot encode', async () => {
    // 300 records of 250 bytes: each is valid, together they are over the 64 KB of a TCP message.
    server.setRecords('many.example.test', 'TXT', Array.from({ length: 300 }, (_, i) => `${i} `.padEnd(250, 'y')));
    server.setRecords('bad.example.test', 'MX', [{ preference: 70_000, exchange: 'mail.example.test' }]);
    try {
      await assert.rejects(resolver.resolveTxt('many.example.test'), { code: 'ESERVFAIL' });
      await assert.rejects(resolver.resolveMx('bad.example.test'), { code: 'ESERVFAIL' });
      assert.deepEqual(await resolver.resolveTxt('example.test'), [['v=spf1 -all']]);
    } finally {
      server.remove('many.example.test');
      server.remove('bad.example.test');
    }
  });

  it('hangs when asked to: the client times out', async () => {
    server.hang = true;
    try {
      const impatient = new Resolver({ timeout: 200, tries: 1 });
      impatient.setServers([server.endpoint]);
      await assert.rejects(impatient.resolve4('example.test'), { code: 'ETIMEOUT' });
    } finally {
      server.hang = false;
    }
  });
});

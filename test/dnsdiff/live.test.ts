/** Reading live records with owners and TTLs over the wire (DnsClient.records → dns-wire). */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDnsServer, type DnsServer } from '../../src/demo/dns-server.js';
import { readLive } from '../../src/dnsdiff/live.js';
import { DnsClient } from '../../src/net/dns-client.js';

const LONG = `v=DKIM1; k=rsa; p=${'Q'.repeat(6000)}`;

describe('readLive', () => {
  let server: DnsServer;
  let dns: DnsClient;
  before(async () => {
    server = await startDnsServer({
      zones: [
        {
          origin: 'acme.test',
          records: [
            { name: 'acme.test', type: 'A', data: '127.0.0.1', ttl: 120 },
            { name: 'www.acme.test', type: 'CNAME', data: 'acme.test' },
            { name: 'big._domainkey.acme.test', type: 'TXT', data: LONG },
            { name: 'gone.acme.test', type: 'CNAME', data: 'nowhere.acme.test' },
          ],
        },
      ],
    });
    dns = new DnsClient({ dnsServers: [server.endpoint], timeoutMs: 1000 });
  });
  after(() => server.close());

  it('keeps each name\'s own records with their TTL, never a CNAME target\'s', async () => {
    const live = await readLive(dns, 'acme.test', ['acme.test', 'www.acme.test'], { servers: [server.endpoint], concurrency: 4 });
    assert.deepEqual(live.live, [
      { name: 'acme.test', type: 'A', ttl: 120, values: ['127.0.0.1'] },
      { name: 'www.acme.test', type: 'CNAME', ttl: 300, values: ['acme.test'] },
    ]);
    assert.equal(live.authoritative, true);
    assert.deepEqual(live.cnameTargets, [{ target: 'acme.test', resolves: true }]);
  });

  it('reads a TXT answer too large for UDP over TCP, whole', async () => {
    const live = await readLive(dns, 'acme.test', ['big._domainkey.acme.test'], { servers: [server.endpoint], concurrency: 4 });
    assert.deepEqual(live.live.map((s) => s.values[0]), [LONG]);
  });

  it('tells a name that does not exist, and a CNAME whose target is gone', async () => {
    const live = await readLive(dns, 'acme.test', ['nope.acme.test', 'gone.acme.test'], { servers: [server.endpoint], concurrency: 4 });
    // A CNAME to a missing name answers NXDOMAIN for other types (RFC 6604 §3); the CNAME itself is still read.
    assert.deepEqual(live.missingNames, ['gone.acme.test', 'nope.acme.test']);
    assert.deepEqual(live.live, [{ name: 'gone.acme.test', type: 'CNAME', ttl: 300, values: ['nowhere.acme.test'] }]);
    assert.deepEqual(live.cnameTargets, [{ target: 'nowhere.acme.test', resolves: false }]);
  });
});

/** Reading BIND zone files (RFC 1035 §5): the syntax real exports use, and the errors. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatZoneFile } from '../../src/demo/zone-file.js';
import { parseTtl, parseZoneFile } from '../../src/dnsdiff/zone-file.js';
import { UsageError } from '../../src/core/errors.js';
import { sets } from './states.js';

const EXPORT = `; acme.test, as a DNS host exports it
$ORIGIN acme.test.
$TTL 1h
@   IN  SOA ns1 hostmaster (
        2026112801 ; serial
        3600 600 604800 60 )
@       300 IN A     192.0.2.10
        IN  300 A    192.0.2.11        ; class before TTL
        MX  10 mx1.mail.test.
        TXT "v=spf1 include:_spf.mail.test" " ~all"
        CAA 0 issue "letsencrypt.org"
        NS  ns1.dns-host.test.
www     CNAME @
api     5m  A 192.0.2.30
mail    A   192.0.2.25
s1._domainkey IN TXT ( "v=DKIM1; k=rsa; "
                       "p=MIIBIjAN" )
_dmarc  TXT "v=DMARC1\\; p=reject; rua=mailto:d@acme.test" ; escaped ";"
quote   TXT "say \\"hi\\" \\065"
_sip._tcp SRV 10 5 5060 sip.acme.test.
v6      AAAA 2001:DB8:0:0::1
10.2.0.192.in-addr.arpa. PTR acme.test.
$ORIGIN eu.acme.test.
shop    A 192.0.2.50
`;

describe('parseZoneFile', () => {
  const zone = parseZoneFile(EXPORT, 'acme.zone');
  const find = (name: string, type: string) => zone.sets.find((s) => s.name === name && s.type === type);

  it('takes the origin from the first $ORIGIN', () => assert.equal(zone.origin, 'acme.test'));
  it('reads TTL and class in either order, and blank owners continue the previous one', () => {
    assert.deepEqual(find('acme.test', 'A'), { name: 'acme.test', type: 'A', ttl: 300, values: ['192.0.2.10', '192.0.2.11'] });
    assert.deepEqual(find('acme.test', 'MX')?.values, ['10 mx1.mail.test']);
  });
  it('uses $TTL when a record has none, and BIND units (5m)', () => {
    assert.equal(find('mail.acme.test', 'A')?.ttl, 3600);
    assert.equal(find('api.acme.test', 'A')?.ttl, 300);
  });
  it('joins a TXT record\'s strings, across lines in parentheses', () => {
    assert.deepEqual(find('acme.test', 'TXT')?.values, ['v=spf1 include:_spf.mail.test ~all']);
    assert.deepEqual(find('s1._domainkey.acme.test', 'TXT')?.values, ['v=DKIM1; k=rsa; p=MIIBIjAN']);
  });
  it('handles \\X and \\DDD escapes, and ";" inside quotes', () => {
    assert.deepEqual(find('_dmarc.acme.test', 'TXT')?.values, ['v=DMARC1; p=reject; rua=mailto:d@acme.test']);
    assert.deepEqual(find('quote.acme.test', 'TXT')?.values, ['say "hi" A']);
  });
  it('makes names absolute: @, relative, absolute, and after a new $ORIGIN', () => {
    assert.deepEqual(find('www.acme.test', 'CNAME')?.values, ['acme.test']);
    assert.deepEqual(find('_sip._tcp.acme.test', 'SRV')?.values, ['10 5 5060 sip.acme.test']);
    assert.deepEqual(find('shop.eu.acme.test', 'A')?.values, ['192.0.2.50']);
  });
  it('normalises values (CAA quoting, IPv6 form)', () => {
    assert.deepEqual(find('acme.test', 'CAA')?.values, ['0 issue "letsencrypt.org"']);
    assert.deepEqual(find('v6.acme.test', 'AAAA')?.values, ['2001:db8::1']);
  });
  it('counts the types it does not compare', () => assert.deepEqual(zone.skipped, { SOA: 1, PTR: 1 }));
});

describe('zone file errors name the line', () => {
  const table: Array<[string, RegExp]> = [
    ['x A 192.0.2', /bad\.zone:1: x\.acme\.test A: "192\.0\.2" is not an IPv4 address/],
    ['$INCLUDE other.zone', /bad\.zone:1: \$INCLUDE is not supported/],
    ['@ A 192.0.2.1\nx TXT "never closed\n', /bad\.zone:2: a quoted string is not closed/],
    ['@ SOA ns1 hostmaster ( 1 2 3 4 5\n', /"\(" is never closed/],
    ['@ MX mail.acme.test.', /@|acme\.test MX: unexpected data/],
    ['@ CH A 192.0.2.1', /class CH is not IN/],
    ['@ 1x A 192.0.2.1', /"1X" is not a record type|1x/],
    ['$TTL soon', /\$TTL "soon" is not a TTL/],
  ];
  for (const [text, error] of table) {
    it(JSON.stringify(text), () => {
      assert.throws(
        () => parseZoneFile(text, 'bad.zone', 'acme.test'),
        (err: unknown) => err instanceof UsageError && err.code === 'LR_ZONE_INVALID' && error.test(err.message),
      );
    });
  }
});

describe('TTL units', () => {
  const table: Array<[string, number | undefined]> = [
    ['300', 300],
    ['1h', 3600],
    ['1h30m', 5400],
    ['2D', 172800],
    ['1w', 604800],
    ['5x', undefined],
    ['', undefined],
  ];
  for (const [text, seconds] of table) it(`"${text}" → ${seconds}`, () => assert.equal(parseTtl(text), seconds));
});

describe('round trip with the demo world\'s zone writer', () => {
  it('reads back exactly what formatZoneFile writes, long TXT split into 255-byte strings included', () => {
    const dkim = `v=DKIM1; k=rsa; p=${'B'.repeat(400)}`;
    const text = formatZoneFile({
      origin: 'acme.test',
      records: [
        { name: 'acme.test', type: 'A', data: '192.0.2.10' },
        { name: 'www.acme.test', type: 'CNAME', data: 'acme.test' },
        { name: 'acme.test', type: 'MX', data: { preference: 10, exchange: 'mx1.mailhost.test' } },
        { name: 'acme.test', type: 'CAA', data: { tag: 'issue', value: 'ca.example' } },
        { name: 's1._domainkey.acme.test', type: 'TXT', data: dkim },
        { name: '_dmarc.acme.test', type: 'TXT', data: 'v=DMARC1; p=reject; rua="x"' },
      ],
    });
    const parsed = parseZoneFile(text, 'demo.zone');
    assert.deepEqual(
      parsed.sets,
      sets([
        ['_dmarc.acme.test', 'TXT', 'v=DMARC1; p=reject; rua="x"'],
        ['acme.test', 'A', '192.0.2.10'],
        ['acme.test', 'CAA', '0 issue "ca.example"'],
        ['acme.test', 'MX', '10 mx1.mailhost.test'],
        ['s1._domainkey.acme.test', 'TXT', dkim],
        ['www.acme.test', 'CNAME', 'acme.test'],
      ]),
    );
  });
});

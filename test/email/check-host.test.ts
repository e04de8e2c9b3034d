/**
 * check_host() against RFC 7208's own examples (Appendix A, with erratum 6216 for A.4) and its
 * rules: include vs redirect, exists, CIDR lengths, lookup and void-lookup limits, trailing dots,
 * case, records split over TXT strings, DNS failures, explanations.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkHost, type SpfResult } from '../../src/email/spf/check-host.js';
import { fakeResolver, type FakeZone } from './fake-dns.js';

/** RFC 7208 Appendix A: example.com, example.org and their reverse zones. */
function appendixA(record: string, extra: FakeZone = {}): FakeZone {
  return {
    'example.com': {
      TXT: [record],
      MX: [
        [10, 'mail-a.example.com'],
        [20, 'mail-b.example.com'],
      ],
      A: ['192.0.2.10', '192.0.2.11'],
    },
    'amy.example.com': { A: ['192.0.2.65'] },
    'bob.example.com': { A: ['192.0.2.66'] },
    'mail-a.example.com': { A: ['192.0.2.129'] },
    'mail-b.example.com': { A: ['192.0.2.130'] },
    'example.org': { MX: [[10, 'mail-c.example.org']] },
    'mail-c.example.org': { A: ['192.0.2.140'] },
    '10.2.0.192.in-addr.arpa': { PTR: ['example.com'] },
    '11.2.0.192.in-addr.arpa': { PTR: ['example.com'] },
    '65.2.0.192.in-addr.arpa': { PTR: ['amy.example.com'] },
    '66.2.0.192.in-addr.arpa': { PTR: ['bob.example.com'] },
    '129.2.0.192.in-addr.arpa': { PTR: ['mail-a.example.com'] },
    '130.2.0.192.in-addr.arpa': { PTR: ['mail-b.example.com'] },
    '140.2.0.192.in-addr.arpa': { PTR: ['mail-c.example.org'] },
    // A rogue reverse name claiming to be bob.example.com.
    '4.0.0.10.in-addr.arpa': { PTR: ['bob.example.com'] },
    ...extra,
  };
}

const HOSTS = ['192.0.2.10', '192.0.2.11', '192.0.2.65', '192.0.2.66', '192.0.2.129', '192.0.2.130', '192.0.2.140', '10.0.0.4'];

async function verdict(zone: FakeZone, ip: string, sender = 'user@example.com', helo?: string) {
  return checkHost(fakeResolver(zone), { ip, sender, ...(helo ? { helo } : {}) });
}

describe('RFC 7208 Appendix A.1: simple examples', () => {
  const table: Array<{ record: string; pass: string[]; others?: SpfResult }> = [
    { record: 'v=spf1 +all', pass: [...HOSTS, '192.0.2.132', '192.0.2.144', '203.0.113.7'] },
    { record: 'v=spf1 a -all', pass: ['192.0.2.10', '192.0.2.11'] },
    { record: 'v=spf1 a:example.org -all', pass: [] },
    { record: 'v=spf1 mx -all', pass: ['192.0.2.129', '192.0.2.130'] },
    { record: 'v=spf1 mx:example.org -all', pass: ['192.0.2.140'] },
    { record: 'v=spf1 mx mx:example.org -all', pass: ['192.0.2.129', '192.0.2.130', '192.0.2.140'] },
    { record: 'v=spf1 mx/30 mx:example.org/30 -all', pass: ['192.0.2.129', '192.0.2.130', '192.0.2.140', '192.0.2.131', '192.0.2.143'] },
    { record: 'v=spf1 ptr -all', pass: ['192.0.2.10', '192.0.2.11', '192.0.2.65', '192.0.2.66', '192.0.2.129', '192.0.2.130'] },
    { record: 'v=spf1 ip4:192.0.2.128/28 -all', pass: ['192.0.2.129', '192.0.2.130', '192.0.2.140', '192.0.2.132'] },
  ];
  for (const { record, pass } of table) {
    for (const ip of [...new Set([...HOSTS, ...pass, '192.0.2.132', '192.0.2.144'])]) {
      const expected = pass.includes(ip) ? 'pass' : 'fail';
      it(`"${record}" from ${ip}: ${expected}`, async () => {
        assert.equal((await verdict(appendixA(record), ip)).result, expected);
      });
    }
  }
});

describe('RFC 7208 Appendix A.2: multiple domains share a record', () => {
  const zone = appendixA('v=spf1 mx -all', {
    'example.org': { MX: [[10, 'mail-c.example.org']], TXT: ['v=spf1 include:example.com include:example.net -all'] },
    'la.example.org': { TXT: ['v=spf1 redirect=example.org'] },
    'example.net': { TXT: ['v=spf1 ip4:198.51.100.0/24 -all'] },
  });
  const table: Array<[string, string, SpfResult]> = [
    ['someone@la.example.org', '192.0.2.129', 'pass'],
    ['someone@la.example.org', '198.51.100.7', 'pass'],
    ['someone@la.example.org', '203.0.113.1', 'fail'],
    ['someone@example.org', '192.0.2.130', 'pass'],
  ];
  for (const [sender, ip, expected] of table) {
    it(`${sender} from ${ip}: ${expected}`, async () => {
      const v = await verdict(zone, ip, sender);
      assert.equal(v.result, expected);
      if (sender.includes('la.')) assert.equal(v.domain, 'example.org', 'the redirect target decides');
    });
  }
});

describe('RFC 7208 Appendix A.3: DNSBL-style exists', () => {
  const zone = appendixA('v=spf1 mx include:mobile-users._spf.%{d} include:remote-users._spf.%{d} -all', {
    'mobile-users._spf.example.com': { TXT: ['v=spf1 exists:%{l1r+}.%{d}'] },
    'remote-users._spf.example.com': { TXT: ['v=spf1 exists:%{ir}.%{l1r+}.%{d}'] },
    'mary.mobile-users._spf.example.com': { A: ['127.0.0.2'] },
    'fred.mobile-users._spf.example.com': { A: ['127.0.0.2'] },
    '15.15.168.192.joel.remote-users._spf.example.com': { A: ['127.0.0.2'] },
    '16.15.168.192.joel.remote-users._spf.example.com': { A: ['127.0.0.2'] },
  });
  const table: Array<[string, string, SpfResult]> = [
    ['mary@example.com', '203.0.113.4', 'pass'],
    ['fred@example.com', '203.0.113.4', 'pass'],
    ['fred+wildcard@example.com', '203.0.113.4', 'pass'],
    ['joel@example.com', '203.0.113.4', 'fail'],
    ['joel@example.com', '192.168.15.15', 'pass'],
    ['joel@example.com', '192.168.15.16', 'pass'],
    ['joel@example.com', '192.168.15.17', 'fail'],
    ['someone@example.com', '192.0.2.129', 'pass'],
  ];
  for (const [sender, ip, expected] of table) {
    it(`${sender} from ${ip}: ${expected}`, async () => assert.equal((await verdict(zone, ip, sender)).result, expected));
  }
});

describe('RFC 7208 Appendix A.4: multiple requirements (erratum 6216)', () => {
  const zone = appendixA('v=spf1 -include:ip4._spf.%{d} -include:ptr._spf.%{d} +all', {
    'ip4._spf.example.com': { TXT: ['v=spf1 -ip4:192.0.2.0/24 +all'] },
    'ptr._spf.example.com': { TXT: ['v=spf1 -ptr:example.com +all'] },
  });
  const table: Array<[string, SpfResult, string]> = [
    ['192.0.2.10', 'pass', 'in the range and its PTR is in example.com'],
    ['192.0.2.140', 'fail', 'in the range, but its PTR is example.org'],
    ['10.0.0.4', 'fail', 'outside the range (its PTR claims bob.example.com)'],
  ];
  for (const [ip, expected, why] of table) {
    it(`${ip}: ${expected} — ${why}`, async () => assert.equal((await verdict(zone, ip)).result, expected));
  }
});

describe('check_host() rules', () => {
  const cases: Array<{ name: string; zone: FakeZone; ip: string; sender?: string; helo?: string; result: SpfResult; mechanism?: string; reason?: RegExp }> = [
    // Record selection (§4.5) and the checked domain (§4.3).
    { name: 'no SPF record: none', zone: { 'example.com': { TXT: ['hello'] } }, ip: '192.0.2.1', result: 'none' },
    { name: 'the domain does not exist: none', zone: {}, ip: '192.0.2.1', result: 'none', reason: /does not exist/ },
    { name: '"v=spf10" is not SPF', zone: { 'example.com': { TXT: ['v=spf10 +all'] } }, ip: '192.0.2.1', result: 'none' },
    { name: 'two SPF records: permerror', zone: { 'example.com': { TXT: ['v=spf1 +all', 'v=spf1 -all'] } }, ip: '192.0.2.1', result: 'permerror', reason: /2 SPF records/ },
    { name: 'a single-label domain: none', zone: { localhost: { TXT: ['v=spf1 +all'] } }, ip: '192.0.2.1', sender: 'root@localhost', result: 'none' },
    { name: 'the version is case-insensitive', zone: { 'example.com': { TXT: ['V=SPF1 IP4:192.0.2.1 -ALL'] } }, ip: '192.0.2.1', result: 'pass', mechanism: 'IP4:192.0.2.1' },
    { name: 'a record split over TXT strings is joined without spaces', zone: { 'example.com': { TXT: [['v=spf1 ip4:192.0', '.2.1 -all']] } }, ip: '192.0.2.1', result: 'pass' },
    { name: 'a syntax error anywhere is a permerror, even after a match', zone: { 'example.com': { TXT: ['v=spf1 +all foo:bar'] } }, ip: '192.0.2.1', result: 'permerror', reason: /unknown mechanism/ },
    { name: 'no match and no all: neutral', zone: { 'example.com': { TXT: ['v=spf1 ip4:198.51.100.1'] } }, ip: '192.0.2.1', result: 'neutral' },
    { name: 'qualifiers: ~ gives softfail', zone: { 'example.com': { TXT: ['v=spf1 ~ip4:192.0.2.0/24'] } }, ip: '192.0.2.1', result: 'softfail' },
    { name: 'qualifiers: ? gives neutral', zone: { 'example.com': { TXT: ['v=spf1 ?all'] } }, ip: '192.0.2.1', result: 'neutral', mechanism: '?all' },
    // The identity (§2.4, §4.3).
    { name: 'the null sender checks postmaster@HELO', zone: { 'mx.example.com': { TXT: ['v=spf1 ip4:192.0.2.1 -all'] } }, ip: '192.0.2.1', sender: '', helo: 'mx.example.com', result: 'pass' },
    { name: 'a bare domain as sender', zone: { 'example.com': { TXT: ['v=spf1 exists:%{l}.users.example.com -all'] }, 'postmaster.users.example.com': { A: ['127.0.0.2'] } }, ip: '192.0.2.1', sender: 'example.com', result: 'pass' },
    // include vs redirect (§5.2, §6.1).
    { name: 'include of a fail is no match, evaluation goes on', zone: { 'example.com': { TXT: ['v=spf1 include:a.example.net ip4:192.0.2.1 -all'] }, 'a.example.net': { TXT: ['v=spf1 -all'] } }, ip: '192.0.2.1', result: 'pass', mechanism: 'ip4:192.0.2.1' },
    { name: 'include of a pass matches', zone: { 'example.com': { TXT: ['v=spf1 include:a.example.net -all'] }, 'a.example.net': { TXT: ['v=spf1 ip4:192.0.2.0/24 -all'] } }, ip: '192.0.2.1', result: 'pass', mechanism: 'include:a.example.net' },
    { name: 'include of a domain without SPF: permerror', zone: { 'example.com': { TXT: ['v=spf1 include:a.example.net +all'] }, 'a.example.net': { A: ['192.0.2.9'] } }, ip: '192.0.2.1', result: 'permerror', reason: /has no SPF record/ },
    { name: 'redirect takes the target\'s result, fail included', zone: { 'example.com': { TXT: ['v=spf1 redirect=a.example.net'] }, 'a.example.net': { TXT: ['v=spf1 -all'] } }, ip: '192.0.2.1', result: 'fail', mechanism: '-all' },
    { name: 'redirect to a domain without SPF: permerror', zone: { 'example.com': { TXT: ['v=spf1 redirect=a.example.net'] } }, ip: '192.0.2.1', result: 'permerror' },
    { name: 'redirect is ignored when the record has all', zone: { 'example.com': { TXT: ['v=spf1 ?all redirect=a.example.net'] }, 'a.example.net': { TXT: ['v=spf1 -all'] } }, ip: '192.0.2.1', result: 'neutral' },
    { name: 'redirect applies only when nothing matched, wherever it is written', zone: { 'example.com': { TXT: ['v=spf1 redirect=a.example.net ip4:192.0.2.1'] }, 'a.example.net': { TXT: ['v=spf1 -all'] } }, ip: '192.0.2.1', result: 'pass' },
    // exists (§5.7).
    { name: 'exists matches any A record', zone: { 'example.com': { TXT: ['v=spf1 exists:%{i}.bl.example.com -all'] }, '192.0.2.1.bl.example.com': { A: ['127.0.0.2'] } }, ip: '192.0.2.1', result: 'pass' },
    { name: 'exists asks for A even for an IPv6 client', zone: { 'example.com': { TXT: ['v=spf1 exists:%{ir}.%{v}.bl.example.com -all'] }, '1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.bl.example.com': { A: ['127.0.0.2'] } }, ip: '2001:db8::1', result: 'pass' },
    // CIDR lengths (§5.6, §5.3, §5.4).
    { name: 'a/24 covers the neighbours of the A record', zone: { 'example.com': { TXT: ['v=spf1 a/24 -all'], A: ['192.0.2.10'] } }, ip: '192.0.2.200', result: 'pass' },
    { name: 'a//64 for IPv6 clients', zone: { 'example.com': { TXT: ['v=spf1 a/32//64 -all'], AAAA: ['2001:db8:5::1'] } }, ip: '2001:db8:5::abcd', result: 'pass' },
    { name: 'a without a prefix is exact', zone: { 'example.com': { TXT: ['v=spf1 a -all'], A: ['192.0.2.10'] } }, ip: '192.0.2.11', result: 'fail' },
    { name: 'ip4:0.0.0.0/0 matches everyone', zone: { 'example.com': { TXT: ['v=spf1 ip4:0.0.0.0/0 -all'] } }, ip: '203.0.113.5', result: 'pass' },
    { name: 'ip6 never matches an IPv4 client', zone: { 'example.com': { TXT: ['v=spf1 ip6:::/0 -all'] } }, ip: '192.0.2.1', result: 'fail' },
    { name: 'an IPv4-mapped IPv6 client is checked as IPv4', zone: { 'example.com': { TXT: ['v=spf1 ip4:192.0.2.0/24 -all'] } }, ip: '::ffff:192.0.2.7', result: 'pass' },
    { name: 'ip4 prefix over 32: permerror', zone: { 'example.com': { TXT: ['v=spf1 ip4:192.0.2.0/33 +all'] } }, ip: '192.0.2.1', result: 'permerror' },
    { name: 'a prefix with a leading zero: permerror', zone: { 'example.com': { TXT: ['v=spf1 a/024 +all'] } }, ip: '192.0.2.1', result: 'permerror' },
    // Trailing dots.
    { name: 'a trailing dot on a domain-spec', zone: { 'example.com': { TXT: ['v=spf1 include:a.example.net. -all'] }, 'a.example.net': { TXT: ['v=spf1 a:mail.example.net. -all'] }, 'mail.example.net': { A: ['192.0.2.1'] } }, ip: '192.0.2.1', result: 'pass' },
    // Limits (§4.6.4).
    { name: 'two void lookups are tolerated', zone: { 'example.com': { TXT: ['v=spf1 a:x1.example.com mx:x2.example.com ip4:192.0.2.1 -all'] } }, ip: '192.0.2.1', result: 'pass' },
    { name: 'the third void lookup: permerror', zone: { 'example.com': { TXT: ['v=spf1 a:x1.example.com mx:x2.example.com exists:x3.example.com ip4:192.0.2.1 -all'] } }, ip: '192.0.2.1', result: 'permerror', reason: /void lookups/ },
    { name: 'an mx with more than 10 hosts: permerror when the first 10 do not match', zone: { 'example.com': { TXT: ['v=spf1 mx -all'], MX: Array.from({ length: 11 }, (_, i): [number, string] => [i, `mx${i}.example.com`]) }, ...Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`mx${i}.example.com`, { A: [`198.51.100.${i}`] }])) }, ip: '198.51.100.10', result: 'permerror', reason: /more than 10 MX hosts/ },
    { name: 'a Null MX matches nothing', zone: { 'example.com': { TXT: ['v=spf1 mx -all'], MX: [[0, '.']] } }, ip: '192.0.2.1', result: 'fail' },
    // DNS failures (§4.4, §5).
    { name: 'the record lookup times out: temperror', zone: { 'example.com': { fail: 'timeout' } }, ip: '192.0.2.1', result: 'temperror' },
    { name: 'an include target fails: temperror', zone: { 'example.com': { TXT: ['v=spf1 include:a.example.net -all'] }, 'a.example.net': { fail: 'servfail' } }, ip: '192.0.2.1', result: 'temperror' },
    { name: 'an a lookup fails: temperror', zone: { 'example.com': { TXT: ['v=spf1 a -all'], fail: 'servfail', failTypes: ['A'] } }, ip: '192.0.2.1', result: 'temperror' },
    { name: 'a PTR lookup failure is only no match', zone: { 'example.com': { TXT: ['v=spf1 ptr ~all'] }, '1.2.0.192.in-addr.arpa': { fail: 'servfail' } }, ip: '192.0.2.1', result: 'softfail' },
    // Macros in evaluation (§7).
    { name: '%{c} outside exp is a syntax error: permerror', zone: { 'example.com': { TXT: ['v=spf1 include:%{c}.example.net -all'] } }, ip: '192.0.2.1', result: 'permerror', reason: /only allowed in an exp/ },
    { name: '%{p}: the validated name', zone: { 'example.com': { TXT: ['v=spf1 exists:%{p}.ok.example.com -all'], A: ['192.0.2.1'] }, '1.2.0.192.in-addr.arpa': { PTR: ['example.com'] }, 'example.com.ok.example.com': { A: ['127.0.0.2'] } }, ip: '192.0.2.1', result: 'pass' },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const v = await verdict(c.zone, c.ip, c.sender ?? 'user@example.com', c.helo);
      assert.equal(v.result, c.result, `${v.reason ?? ''}\n${v.trace.join('\n')}`);
      if (c.mechanism) assert.equal(v.mechanism, c.mechanism);
      if (c.reason) assert.match(v.reason ?? '', c.reason);
    });
  }

  it('stops at the 11th DNS-querying term (counting through includes) with permerror', async () => {
    const ten = 'v=spf1 ' + Array.from({ length: 9 }, (_, i) => `a:h${i}.example.com`).join(' ') + ' include:inc.example.com -all';
    const zone: FakeZone = {
      'example.com': { TXT: [ten] },
      'inc.example.com': { TXT: ['v=spf1 ip4:192.0.2.1 -all'] },
      ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`h${i}.example.com`, { A: [`198.51.100.${i}`] }])),
    };
    const ok = await verdict(zone, '192.0.2.1');
    assert.deepEqual([ok.result, ok.lookups], ['pass', 10]);
    zone['inc.example.com'] = { TXT: ['v=spf1 a:h0.example.com ip4:192.0.2.1 -all'] };
    const over = await verdict(zone, '192.0.2.1');
    assert.equal(over.result, 'permerror');
    assert.match(over.reason ?? '', /more than 10 DNS lookups \(the 11th was "a:h0.example.com"\)/);
  });

  it('an include loop ends at the lookup limit', async () => {
    const v = await verdict({ 'example.com': { TXT: ['v=spf1 include:example.net -all'] }, 'example.net': { TXT: ['v=spf1 include:example.com -all'] } }, '192.0.2.1');
    assert.equal(v.result, 'permerror');
    assert.equal(v.lookups, 11);
  });
});

describe('exp= explanations (§6.2)', () => {
  const zone: FakeZone = {
    'example.com': { TXT: ['v=spf1 ip4:192.0.2.1 exp=explain._spf.%{d} -all'] },
    'explain._spf.example.com': { TXT: [['%{i} is not one of %{d}', "'s designated mail servers."]] },
    'r.example.com': { TXT: ['v=spf1 redirect=example.com'] },
    'inc.example.com': { TXT: ['v=spf1 include:example.com exp=other.example.com -all'] },
    'other.example.com': { TXT: ['See http://%{d}/why.html?s=%{S}&i=%{I}'] },
    'bad.example.com': { TXT: ['v=spf1 exp=missing.example.com -all'] },
  };
  it('expands the explanation of a fail', async () => {
    const v = await verdict(zone, '192.0.2.3');
    assert.equal(v.result, 'fail');
    assert.equal(v.explanation, "192.0.2.3 is not one of example.com's designated mail servers.");
  });
  it('a redirect uses the target\'s exp, with %{d} the target', async () => {
    assert.equal((await verdict(zone, '192.0.2.3', 'a@r.example.com')).explanation, "192.0.2.3 is not one of example.com's designated mail servers.");
  });
  it('URL-escapes upper-case macros', async () => {
    assert.equal((await verdict(zone, '192.0.2.3', 'a b@inc.example.com')).explanation, 'See http://inc.example.com/why.html?s=a%20b%40inc.example.com&i=192.0.2.3');
  });
  it('a missing explanation record gives none, the result stands', async () => {
    const v = await verdict(zone, '192.0.2.3', 'a@bad.example.com');
    assert.deepEqual([v.result, v.explanation], ['fail', undefined]);
  });
});

/** The static SPF walk (lookup counting per RFC 7208 §4.6.4) and the flattening advice built from it. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { flattenToLimit } from '../../src/email/spf/flatten.js';
import { totalLookups, voidTerms, walkSpf } from '../../src/email/spf/walk.js';
import { fakeResolver, type FakeZone } from './fake-dns.js';

async function walk(record: string, zone: FakeZone = {}) {
  return walkSpf(fakeResolver({ 'example.com': { TXT: [record] }, ...zone }), 'example.com');
}

describe('lookup counting', () => {
  const table: Array<[string, number]> = [
    ['v=spf1 ip4:192.0.2.1 ip6:2001:db8::1 -all', 0],
    ['v=spf1 a mx ptr exists:x.example.com -all', 4],
    ['v=spf1 -all exp=explain.example.com', 0],
    ['v=spf1 -all include:never.example.net', 0],
    ['v=spf1 ~all redirect=never.example.net', 0],
    ['v=spf1 include:%{ir}.dyn.example.net -all', 1],
  ];
  for (const [record, expected] of table) it(`${record}: ${expected}`, async () => assert.equal(totalLookups(await walk(record)), expected));

  it('counts through includes and redirects, and follows a static %{d}', async () => {
    const tree = await walk('v=spf1 include:_spf.%{d} redirect=r.example.com', {
      '_spf.example.com': { TXT: ['v=spf1 mx include:b.example.net -all'] },
      'b.example.net': { TXT: ['v=spf1 a -all'] },
      'r.example.com': { TXT: ['v=spf1 exists:%{i}.x.example.com -all'] },
    });
    assert.equal(totalLookups(tree), 6);
    assert.deepEqual(tree.children.map((c) => [c.via, c.domain]), [['include', '_spf.example.com'], ['redirect', 'r.example.com']]);
  });

  it('a sender-dependent target is counted once and marked dynamic', async () => {
    const tree = await walk('v=spf1 include:%{l}.users.example.com -all');
    assert.equal(tree.terms[0].dynamic, true);
    assert.equal(tree.children.length, 0);
  });

  it('records void a and mx terms', async () => {
    const tree = await walk('', { 'example.com': { TXT: ['v=spf1 a:gone.example.com mx:example.com a:example.com -all'], A: ['192.0.2.1'] } });
    assert.deepEqual(voidTerms(tree).map((v) => v.term), ['a:gone.example.com', 'mx:example.com']);
  });

  it('records a fixed exists target without an A record as void; a sender-dependent one is never asked', async () => {
    const tree = await walk('v=spf1 exists:gone.example.com exists:ok.example.com exists:%{i}.bl.example.com -all', { 'ok.example.com': { A: ['127.0.0.2'] } });
    assert.deepEqual(voidTerms(tree).map((v) => v.term), ['exists:gone.example.com']);
  });
});

describe('flattening to fit under 10 lookups', () => {
  const provider = (n: number): FakeZone => ({ [`p${n}.example.net`]: { TXT: [`v=spf1 include:q${n}.example.net ip4:198.51.100.${n} -all`] }, [`q${n}.example.net`]: { TXT: [`v=spf1 ip6:2001:db8:${n}::/48 ~all`] } });
  const six = Object.assign({}, ...[1, 2, 3, 4, 5, 6].map(provider)) as FakeZone;

  it('replaces the most expensive includes by their addresses, keeping the rest', async () => {
    const tree = await walk('v=spf1 include:p1.example.net include:p2.example.net include:p3.example.net include:p4.example.net include:p5.example.net include:p6.example.net -all', six);
    assert.equal(totalLookups(tree), 12);
    const flat = flattenToLimit(tree);
    assert.ok(flat.ok);
    assert.equal(flat.suggestion.lookups, 10);
    assert.deepEqual(flat.suggestion.flattened, ['include:p1.example.net']);
    assert.equal(flat.suggestion.records[0].value, 'v=spf1 include:p2.example.net include:p3.example.net include:p4.example.net include:p5.example.net include:p6.example.net ip6:2001:db8:1::/48 ip4:198.51.100.1 -all');
  });

  it('splits long address lists into helper records it includes', async () => {
    const many = Array.from({ length: 60 }, (_, i) => `ip4:203.0.113.${i}`).join(' ');
    const zone: FakeZone = { ...six, 'big.example.net': { TXT: [`v=spf1 include:p1.example.net ${many} -all`] } };
    const tree = await walk('v=spf1 include:big.example.net include:p2.example.net include:p3.example.net include:p4.example.net include:p5.example.net -all', zone);
    const flat = flattenToLimit(tree);
    assert.ok(flat.ok, flat.ok ? '' : flat.reason);
    assert.ok(flat.suggestion.records.length >= 3, 'the main record and at least two helpers');
    assert.ok(flat.suggestion.records.every((r) => r.value.length <= 450));
    assert.ok(flat.suggestion.lookups <= 10);
    assert.match(flat.suggestion.records[0].value, /include:_spf1\.example\.com include:_spf2\.example\.com/);
  });

  it('does not flatten what addresses cannot express', async () => {
    const zone: FakeZone = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`x${i}.example.net`, { TXT: ['v=spf1 exists:%{i}.bl.example.net -all'] }]));
    const tree = await walk(`v=spf1 ${Array.from({ length: 11 }, (_, i) => `include:x${i}.example.net`).join(' ')} -all`, zone);
    const flat = flattenToLimit(tree);
    assert.equal(flat.ok, false);
    assert.match(flat.ok ? '' : flat.reason, /cannot be replaced by fixed addresses/);
  });

  it('keeps a softfail or fail include out of the flattened list only when its terms are all passes', async () => {
    const zone: FakeZone = { ...six, 'p1.example.net': { TXT: ['v=spf1 -ip4:198.51.100.9 ip4:198.51.100.0/24 -all'] } };
    const tree = await walk('v=spf1 include:p1.example.net include:p2.example.net include:p3.example.net include:p4.example.net include:p5.example.net include:p6.example.net a -all', zone);
    const flat = flattenToLimit(tree);
    assert.ok(flat.ok);
    assert.ok(!flat.suggestion.flattened.includes('include:p1.example.net'));
  });
});

/** The SPF grammar (RFC 7208 §12): what parses, what is a permerror, what is only suspicious. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isSpfRecord, parseSpfRecord, spfRecordsOf, type SpfProblemCode } from '../../src/email/spf/record.js';

describe('SPF record selection (§4.5)', () => {
  const table: Array<[string, boolean]> = [
    ['v=spf1', true],
    ['v=spf1 -all', true],
    ['V=SPF1 -all', true],
    ['v=spf10 -all', false],
    ['v=spf1-all', false],
    ['spf2.0/pra -all', false],
    [' v=spf1 -all', false],
  ];
  for (const [text, expected] of table) it(`"${text}": ${expected ? 'SPF' : 'not SPF'}`, () => assert.equal(isSpfRecord(text), expected));
  it('joins the strings of one TXT record without spaces', () => {
    assert.deepEqual(spfRecordsOf([['v=spf1 ip4:192.0', '.2.1 -all'], ['other']]), ['v=spf1 ip4:192.0.2.1 -all']);
  });
});

describe('valid records parse without errors', () => {
  const valid = [
    'v=spf1',
    'v=spf1 -all',
    'v=spf1  a  mx   -all  ',
    'v=spf1 a mx ptr -all',
    'v=spf1 a:mail.example.com/24//64 mx:example.com/30 ~all',
    'v=spf1 ip4:192.0.2.0/24 ip4:192.0.2.1 ip6:2001:db8::/32 ip6:::1 -all',
    'v=spf1 include:_spf.example.com include:example.net. ?all',
    'v=spf1 exists:%{ir}.%{l1r+}.%{d} exists:%{i}._spf.%{d2} -all',
    'v=spf1 redirect=_spf.example.com',
    'v=spf1 -all exp=explain.%{d}',
    'v=spf1 A MX:Example.COM -ALL',
    'v=spf1 a:foo-bar.example.com a:123.example-1 a:%{d}.%{o}',
    'v=spf1 ip4:0.0.0.0/0 ip6:::/0 a/0//0',
  ];
  for (const text of valid) {
    it(text, () => assert.deepEqual(parseSpfRecord(text).errors, []));
  }
});

describe('syntax errors (each a permerror)', () => {
  const table: Array<[string, SpfProblemCode]> = [
    ['v=spf1 foo', 'unknown-mechanism'],
    ['v=spf1 inlcude:example.com', 'unknown-mechanism'],
    ['v=spf1 all:foo', 'bad-argument'],
    ['v=spf1 include', 'bad-argument'],
    ['v=spf1 include:', 'bad-domain'],
    ['v=spf1 exists', 'bad-argument'],
    ['v=spf1 a:localhost', 'bad-domain'],
    ['v=spf1 a:example.123', 'bad-domain'],
    ['v=spf1 mx:example.com/', 'bad-domain'],
    ['v=spf1 ip4:192.0.2.256', 'bad-ip'],
    ['v=spf1 ip4:192.0.2', 'bad-ip'],
    ['v=spf1 ip4:01.2.3.4', 'bad-ip'],
    ['v=spf1 ip4:2001:db8::1', 'bad-ip'],
    ['v=spf1 ip6:192.0.2.1', 'bad-ip'],
    ['v=spf1 ip4', 'bad-ip'],
    ['v=spf1 ip4:192.0.2.0/33', 'bad-cidr'],
    ['v=spf1 ip4:192.0.2.0/032', 'bad-cidr'],
    ['v=spf1 ip6:2001:db8::/129', 'bad-cidr'],
    ['v=spf1 ip4:192.0.2.0/24/24', 'bad-cidr'],
    ['v=spf1 a/33', 'bad-cidr'],
    ['v=spf1 mx//129', 'bad-cidr'],
    ['v=spf1 exists:%{z}.example.com', 'bad-macro'],
    ['v=spf1 include:%{c}.example.com', 'bad-macro'],
    ['v=spf1 redirect=a.example.com redirect=b.example.com', 'duplicate-modifier'],
    ['v=spf1 exp=a.example.com exp=b.example.com', 'duplicate-modifier'],
    ['v=spf1 redirect=', 'bad-domain'],
    ['v=spf1 foo=%{q}', 'bad-macro'],
    ['v=spf1 a:exa\tmple.com', 'bad-macro'],
  ];
  for (const [text, code] of table) {
    it(`${JSON.stringify(text)}: ${code}`, () => {
      const parsed = parseSpfRecord(text);
      assert.deepEqual(
        parsed.errors.map((e) => e.code),
        [code],
      );
    });
  }
});

describe('legal but ignored (warnings)', () => {
  const table: Array<[string, SpfProblemCode, RegExp]> = [
    ['v=spf1 -all redirects=x.example.com', 'unknown-modifier', /did you mean "redirect="/],
    ['v=spf1 -all foo=bar', 'unknown-modifier', /unknown modifier "foo="/],
    ['v=spf1 -all include:example.net', 'terms-after-all', /never evaluated/],
    ['v=spf1 ~all redirect=example.net', 'redirect-ignored', /RFC 7208 §6.1/],
  ];
  for (const [text, code, message] of table) {
    it(text, () => {
      const parsed = parseSpfRecord(text);
      assert.deepEqual(parsed.errors, []);
      assert.equal(parsed.warnings[0].code, code);
      assert.match(parsed.warnings[0].message, message);
    });
  }
});

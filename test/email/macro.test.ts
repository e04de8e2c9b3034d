/** SPF macro expansion: the examples of RFC 7208 §7.4, and the grammar of §7.1. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseIp } from '../../src/email/spf/ip.js';
import { expandMacros, fitDomain, parseMacroString, type MacroContext } from '../../src/email/spf/macro.js';

function context(ip: string): MacroContext {
  return {
    sender: 'strong-bad@email.example.com',
    localPart: 'strong-bad',
    senderDomain: 'email.example.com',
    domain: 'email.example.com',
    ip: parseIp(ip) as NonNullable<ReturnType<typeof parseIp>>,
    helo: 'mx.example.org',
    receiver: 'mx.receiver.example',
    now: new Date('2026-01-02T03:04:05Z'),
    validatedName: async () => 'mx.example.org',
  };
}

async function expand(text: string, ip = '192.0.2.3', place: 'domain' | 'explain' = 'domain'): Promise<string> {
  const parsed = parseMacroString(text, place);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
  return expandMacros(parsed.tokens, context(ip));
}

describe('RFC 7208 §7.4 examples', () => {
  const table: Array<[string, string]> = [
    ['%{s}', 'strong-bad@email.example.com'],
    ['%{o}', 'email.example.com'],
    ['%{d}', 'email.example.com'],
    ['%{d4}', 'email.example.com'],
    ['%{d3}', 'email.example.com'],
    ['%{d2}', 'example.com'],
    ['%{d1}', 'com'],
    ['%{dr}', 'com.example.email'],
    ['%{d2r}', 'example.email'],
    ['%{l}', 'strong-bad'],
    ['%{l-}', 'strong.bad'],
    ['%{lr}', 'strong-bad'],
    ['%{lr-}', 'bad.strong'],
    ['%{l1r-}', 'strong'],
    ['%{ir}.%{v}._spf.%{d2}', '3.2.0.192.in-addr._spf.example.com'],
    ['%{lr-}.lp._spf.%{d2}', 'bad.strong.lp._spf.example.com'],
    ['%{lr-}.lp.%{ir}.%{v}._spf.%{d2}', 'bad.strong.lp.3.2.0.192.in-addr._spf.example.com'],
    ['%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}', '3.2.0.192.in-addr.strong.lp._spf.example.com'],
    ['%{d2}.trusted-domains.example.net', 'example.com.trusted-domains.example.net'],
  ];
  for (const [macro, expected] of table) it(`${macro} → ${expected}`, async () => assert.equal(await expand(macro), expected));

  it('IPv6: %{ir}.%{v}._spf.%{d2} for 2001:db8::cb01', async () => {
    assert.equal(await expand('%{ir}.%{v}._spf.%{d2}', '2001:db8::cb01'), '1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com');
  });
});

describe('the other letters, escapes and explanation-only macros', () => {
  const table: Array<[string, string, string?]> = [
    ['%{h}', 'mx.example.org'],
    ['%{p}', 'mx.example.org'],
    ['%{i}', '192.0.2.3'],
    ['%{v}', 'in-addr'],
    ['100%% sure', '100% sure', 'explain'],
    ['a%_b%-c', 'a b%20c', 'explain'],
    ['%{c} via %{r} at %{t}', '2001:db8::cb01 via mx.receiver.example at 1767323045', 'explain'],
    ['%{S}', 'strong-bad%40email.example.com', 'explain'],
    ['%{L}', 'strong-bad'],
  ];
  for (const [macro, expected, place] of table) {
    it(`${macro} → ${expected}`, async () => assert.equal(await expand(macro, macro.includes('%{c}') ? '2001:db8::cb01' : '192.0.2.3', place as 'domain' | 'explain' | undefined), expected));
  }
});

describe('macro grammar errors', () => {
  const table: Array<[string, RegExp, ('domain' | 'explain')?]> = [
    ['%{x}.example.com', /"x" is not a macro letter/],
    ['%{c}.example.com', /only allowed in an exp explanation/],
    ['%{d0}', /must not be zero/],
    ['%{d', /unclosed macro/],
    ['100%', /must be followed by/],
    ['a%xb', /must be followed by/],
    ['has space.example.com', /not allowed in a domain-spec/],
    ['%{ir-x}', /bad macro/],
  ];
  for (const [text, error, place] of table) {
    it(`"${text}" is rejected`, () => {
      const parsed = parseMacroString(text, place ?? 'domain');
      assert.equal(parsed.ok, false);
      if (!parsed.ok) assert.match(parsed.error, error);
    });
  }
  it('"%{i7r-+}" (digits, reversal and two delimiters) is accepted', () => assert.ok(parseMacroString('%{i7r-+}', 'domain').ok));
});

describe('§7.3: expanded names over 253 characters lose labels on the left', () => {
  it('keeps the right-hand labels and drops the trailing dot', () => {
    const long = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.example.com.`;
    const fitted = fitDomain(long);
    assert.ok(fitted.length <= 253);
    assert.equal(fitted, `${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.example.com`);
  });
});

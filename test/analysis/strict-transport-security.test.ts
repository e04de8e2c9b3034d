import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseStrictTransportSecurity } from '../../src/analysis/strict-transport-security.js';

describe('parseStrictTransportSecurity (RFC 6797 §6.1)', () => {
  it('reads max-age, includeSubDomains and preload', () => {
    assert.deepEqual(parseStrictTransportSecurity('max-age=63072000; includeSubDomains; preload'), {
      ok: true,
      policy: { maxAge: 63072000, includeSubDomains: true, preload: true },
    });
  });

  it('treats directive names case-insensitively, in any order, with spaces and empty directives', () => {
    assert.deepEqual(parseStrictTransportSecurity(' includesubdomains ;; Max-Age = 31536000 ;'), {
      ok: true,
      policy: { maxAge: 31536000, includeSubDomains: true, preload: false },
    });
  });

  it('accepts a quoted max-age', () => {
    const parsed = parseStrictTransportSecurity('max-age="31536000"');
    assert.ok(parsed.ok && parsed.policy.maxAge === 31536000);
  });

  it('ignores unknown directives, even with quoted values containing ;', () => {
    const parsed = parseStrictTransportSecurity('max-age=600; report-uri="https://r.test/a;b"; includeSubDomains');
    assert.deepEqual(parsed, { ok: true, policy: { maxAge: 600, includeSubDomains: true, preload: false } });
  });

  it('accepts max-age=0 (the way to delete a policy)', () => {
    const parsed = parseStrictTransportSecurity('max-age=0');
    assert.ok(parsed.ok && parsed.policy.maxAge === 0);
  });

  const invalid: Array<[string, RegExp]> = [
    ['includeSubDomains', /no max-age/],
    ['', /no max-age/],
    ['max-age=1y', /not a number of seconds/],
    ['max-age=-5', /not a number of seconds/],
    ['max-age', /not a number of seconds/],
    ['max-age=300; max-age=31536000', /appears twice/],
    ['max-age=300; includeSubDomains; INCLUDESUBDOMAINS', /appears twice/],
    ['max-age=300; includeSubDomains=yes', /takes no value/],
    ['max-age=300, includeSubDomains', /malformed value/],
    ['max age=300', /malformed directive/],
    ['max-age="300', /malformed value/],
  ];
  for (const [value, reason] of invalid) {
    it(`rejects ${JSON.stringify(value)}`, () => {
      const parsed = parseStrictTransportSecurity(value);
      assert.equal(parsed.ok, false);
      if (!parsed.ok) assert.match(parsed.reason, reason);
    });
  }
});

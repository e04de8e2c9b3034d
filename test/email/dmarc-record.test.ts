/** DMARC records (RFC 7489 §6.3-§6.4), and how the tags RFC 9989 retires or adds are read. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { effectivePolicy, isDmarcRecord, parseDmarcRecord } from '../../src/email/dmarc/record.js';

describe('DMARC record selection', () => {
  const table: Array<[string, boolean]> = [
    ['v=DMARC1; p=none', true],
    ['v=DMARC1', true],
    ['v = DMARC1 ; p=reject', true],
    ['V=DMARC1; p=none', true],
    ['v=dmarc1; p=none', false],
    ['v=DMARC10; p=none', false],
    ['p=none; v=DMARC1', false],
    ['v=spf1 -all', false],
  ];
  for (const [text, expected] of table) it(`"${text}": ${expected}`, () => assert.equal(isDmarcRecord(text), expected));
});

describe('DMARC record parsing', () => {
  const table: Array<{ record: string; policy?: string; errors?: RegExp[]; warnings?: RegExp[]; pct?: number; rua?: string[] }> = [
    { record: 'v=DMARC1; p=reject; rua=mailto:d@example.com', policy: 'reject', rua: ['example.com'] },
    { record: 'v=DMARC1; p=Quarantine; sp=reject; adkim=s; aspf=r; fo=1:d; rua=mailto:a@example.com!10m,mailto:b@reports.example', policy: 'quarantine', rua: ['example.com', 'reports.example'] },
    { record: 'v=DMARC1; p=none; pct=25', policy: 'none', pct: 25, warnings: [/pct= is retired by RFC 9989/] },
    { record: 'v=DMARC1; p=none; rf=afrf; ri=3600', policy: 'none', warnings: [/rf= is retired/, /ri= is retired/] },
    { record: 'v=DMARC1; p=reject; np=reject; psd=n; t=y', policy: 'reject' },
    { record: 'v=DMARC1; p=rejected', errors: [/p=rejected is not a policy.*did you mean p=reject\?/] },
    { record: 'v=DMARC1; rua=mailto:d@example.com', errors: [/no p= policy/] },
    { record: 'v=DMARC1; p=none; sp=al', policy: 'none', errors: [/sp=al is not a policy/] },
    { record: 'v=DMARC1; p=none; pct=150', policy: 'none', errors: [/pct=150/], warnings: [/pct= is retired/] },
    { record: 'v=DMARC1; p=none; adkim=x', policy: 'none', errors: [/adkim=x/] },
    { record: 'v=DMARC1; p=none; fo=2', policy: 'none', errors: [/fo=2/] },
    { record: 'v=DMARC1; p=none; rua=d@example.com', policy: 'none', errors: [/"d@example.com" is not a URI/] },
    { record: 'v=DMARC1; p=none; rua=mailto:nobody', policy: 'none', errors: [/not a valid mailto/] },
    { record: 'v=DMARC1; p=none; rua=ftp://example.com/x', policy: 'none', errors: [/uses ftp:/] },
    { record: 'v=DMARC1; p=none; p=reject', policy: 'reject', errors: [/appears more than once/] },
    { record: 'v=DMARC1; p=none; foo=bar', policy: 'none', warnings: [/unknown tag "foo"/] },
    { record: 'p=none; v=DMARC1', policy: 'none', errors: [/must start with v=DMARC1/] },
  ];
  for (const c of table) {
    it(c.record, () => {
      const r = parseDmarcRecord(c.record);
      assert.equal(r.policy, c.policy);
      assert.equal(r.errors.length, c.errors?.length ?? 0, r.errors.join('; '));
      c.errors?.forEach((e, i) => assert.match(r.errors[i], e));
      assert.equal(r.warnings.length, c.warnings?.length ?? 0, r.warnings.join('; '));
      c.warnings?.forEach((w, i) => assert.match(r.warnings[i], w));
      if (c.pct !== undefined) assert.equal(r.pct, c.pct);
      if (c.rua) assert.deepEqual(r.rua.map((u) => u.host), c.rua);
    });
  }
});

describe('the policy receivers apply (§6.6.3)', () => {
  const table: Array<[string, string | undefined]> = [
    ['v=DMARC1; p=quarantine', 'quarantine'],
    ['v=DMARC1; p=bogus; rua=mailto:d@example.com', 'none'],
    ['v=DMARC1; p=bogus', undefined],
    ['v=DMARC1; rua=mailto:d@example.com', 'none'],
    ['p=reject; v=DMARC1', undefined],
  ];
  for (const [record, expected] of table) it(`${record} → ${expected ?? 'ignored'}`, () => assert.equal(effectivePolicy(parseDmarcRecord(record)), expected));
});

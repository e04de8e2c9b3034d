/** MTA-STS (RFC 8461) records and policies, TLS-RPT (RFC 8460) and BIMI records. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bimiErrors } from '../../src/email/bimi.js';
import { mtaStsTxtErrors, mxMatches, parseMtaStsPolicy } from '../../src/email/mta-sts.js';
import { tlsRptErrors } from '../../src/email/tls-rpt.js';

describe('MTA-STS', () => {
  it('accepts a valid record and policy (CRLF lines too)', () => {
    assert.deepEqual(mtaStsTxtErrors('v=STSv1; id=20260101T000000;'), []);
    const p = parseMtaStsPolicy('version: STSv1\r\nmode: enforce\r\nmx: mx1.example.com\r\nmx: *.mail.example.net\r\nmax_age: 604800\r\n');
    assert.deepEqual(p, { mode: 'enforce', maxAge: 604800, mx: ['mx1.example.com', '*.mail.example.net'], errors: [] });
  });
  const bad: Array<[string, RegExp]> = [
    ['v=STSv1;', /no id= tag/],
    ['v=STSv1; id=has-dashes', /1 to 32 letters and digits/],
    ['id=1; v=STSv1', /must start with v=STSv1/],
  ];
  for (const [record, error] of bad) it(`record "${record}"`, () => assert.match(mtaStsTxtErrors(record).join('; '), error));
  it('policy errors', () => {
    assert.deepEqual(parseMtaStsPolicy('mode: testing\nmax_age: 99999999999\n').errors, [
      'version: STSv1 is missing',
      'max_age: expected seconds from 0 to 31557600 (got "99999999999")',
      'no mx: line: senders in enforce mode would refuse every MX',
    ]);
    assert.deepEqual(parseMtaStsPolicy('version: STSv1\nmode: none\nmax_age: 0\n').errors, []);
  });
  const matches: Array<[string, string, boolean]> = [
    ['mx1.example.com', 'mx1.example.com', true],
    ['MX1.Example.com.', 'mx1.example.com', true],
    ['a.mail.example.net', '*.mail.example.net', true],
    ['a.b.mail.example.net', '*.mail.example.net', false],
    ['mail.example.net', '*.mail.example.net', false],
  ];
  for (const [host, pattern, expected] of matches) it(`${host} ${expected ? 'matches' : 'does not match'} ${pattern}`, () => assert.equal(mxMatches(host, pattern), expected));
});

describe('TLS-RPT and BIMI records', () => {
  const table: Array<[string, (t: string) => string[], RegExp | null]> = [
    ['v=TLSRPTv1; rua=mailto:tls@example.com,https://r.example.net/v1', tlsRptErrors, null],
    ['v=TLSRPTv1', tlsRptErrors, /no rua= tag/],
    ['v=TLSRPTv1; rua=http://r.example.net', tlsRptErrors, /not a mailto: or https: URI/],
    ['v=BIMI1; l=https://example.com/logo.svg; a=https://example.com/vmc.pem', bimiErrors, null],
    ['v=BIMI1; l=;', bimiErrors, null],
    ['v=BIMI1;', bimiErrors, /no l= tag/],
    ['v=BIMI1; l=https://example.com/l.svg; a=ftp://x', bimiErrors, /certificate must be an https: URL/],
  ];
  for (const [record, parse, error] of table) {
    it(record, () => {
      const errors = parse(record);
      if (error) assert.match(errors.join('; '), error);
      else assert.deepEqual(errors, []);
    });
  }
});

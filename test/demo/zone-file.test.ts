import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatZoneFile } from '../../src/demo/zone-file.js';

describe('formatZoneFile', () => {
  it('writes a master file with an SOA, relative owners and split TXT strings', () => {
    const text = formatZoneFile({
      origin: 'acme.test',
      records: [
        { name: 'acme.test', type: 'A', data: '127.0.0.1' },
        { name: 'www.acme.test', type: 'CNAME', data: 'acme.test' },
        { name: 'acme.test', type: 'MX', data: { preference: 10, exchange: 'mx1.mailhost.test' } },
        { name: 'acme.test', type: 'CAA', data: { tag: 'issue', value: 'ca.example' } },
        { name: 's1._domainkey.acme.test', type: 'TXT', data: `v=DKIM1; p=${'A'.repeat(300)}` },
        { name: '_dmarc.acme.test', type: 'TXT', data: 'v=DMARC1; p=reject; rua="x"' },
      ],
    });
    const lines = text.trim().split('\n');
    assert.equal(lines[0], '$ORIGIN acme.test.');
    assert.match(lines[2], /^@\s+300 IN SOA\s+ns1\.acme\.test\. hostmaster\.acme\.test\. 1 /);
    assert.match(text, /^www\s+300 IN CNAME acme\.test\.$/m);
    assert.match(text, /^@\s+300 IN MX\s+10 mx1\.mailhost\.test\.$/m);
    assert.match(text, /^@\s+300 IN CAA\s+0 issue "ca\.example"$/m);
    assert.match(text, /^s1\._domainkey\s+300 IN TXT\s+"v=DKIM1; p=A{244}" "A{56}"$/m);
    assert.match(text, /rua=\\"x\\""$/m);
  });
});

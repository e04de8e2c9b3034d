/** The DMARC, DKIM, MX and MTA-STS records the email checks hand out. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nextSelector, repairedDkimText, rotationSteps } from '../../src/email/dkim/advice.js';
import { enforcedDmarc, mergeDmarc, repairedDmarc, withoutReportUri } from '../../src/email/dmarc/repair.js';
import type { EmailArtifact } from '../../src/email/artifact.js';
import { nextPolicyId, parseMtaStsPolicy, suggestedPolicy } from '../../src/email/mta-sts.js';
import { providerMx } from '../../src/email/mx-advice.js';
import { emailArtifacts, KEY_2048, withSpf } from './zones.js';

describe('DMARC records', () => {
  it('repairs misspelt policies and tags, drops invalid addresses, puts v= and p= first', () => {
    const r = repairedDmarc('p=rejet; ruaa=mailto:d@acme.test; v=DMARC1; adkim=x', 'acme.test');
    assert.equal(r.record, 'v=DMARC1; p=reject; rua=mailto:d@acme.test');
    assert.ok(r.changes.includes('p=rejet corrected to p=reject'), r.changes.join(' | '));
    assert.equal(repairedDmarc('v=DMARC1; p=none; rua=nope,mailto:d@acme.test', 'acme.test').record, 'v=DMARC1; p=none; rua=mailto:d@acme.test');
  });

  it('drops a misspelt copy of a tag the record already has, and adds a report address when there is none', () => {
    assert.equal(repairedDmarc('v=DMARC1; p=none; rua=mailto:a@acme.test; ruaa=mailto:b@acme.test', 'acme.test').record, 'v=DMARC1; p=none; rua=mailto:a@acme.test');
    assert.equal(repairedDmarc('v=DMARC1; p=quarantine', 'acme.test').record, 'v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@acme.test');
  });

  it('keeps the retired pct, rf and ri when valid (RFC 7489 receivers still read them)', () => {
    assert.equal(repairedDmarc('v=DMARC1; p=reject; pct=50; rf=afrf; ri=86400; rua=mailto:d@acme.test', 'acme.test').record, 'v=DMARC1; p=reject; pct=50; rf=afrf; ri=86400; rua=mailto:d@acme.test');
  });

  it('merges records: the strongest policy, every report address', () => {
    assert.equal(mergeDmarc(['v=DMARC1; p=none; rua=mailto:a@acme.test', 'v=DMARC1; p=reject; rua=mailto:b@acme.test; fo=1'], 'acme.test'), 'v=DMARC1; p=reject; fo=1; rua=mailto:a@acme.test,mailto:b@acme.test');
  });

  it('enforces: p=none becomes quarantine, sp=none, pct and t go, reject stays reject', () => {
    assert.equal(enforcedDmarc('v=DMARC1; p=none; sp=none; pct=20; t=y; rua=mailto:d@acme.test', 'acme.test'), 'v=DMARC1; p=quarantine; rua=mailto:d@acme.test');
    assert.equal(enforcedDmarc('v=DMARC1; p=reject; sp=none; rua=mailto:d@acme.test', 'acme.test'), 'v=DMARC1; p=reject; rua=mailto:d@acme.test');
  });

  it('takes one report address out, falling back to the domain\'s own mailbox', () => {
    assert.equal(withoutReportUri('v=DMARC1; p=reject; rua=mailto:a@acme.test,mailto:x@ext.example!10m', 'mailto:x@ext.example', 'acme.test'), 'v=DMARC1; p=reject; rua=mailto:a@acme.test');
    assert.equal(withoutReportUri('v=DMARC1; p=reject; rua=mailto:x@ext.example', 'mailto:x@ext.example', 'acme.test'), 'v=DMARC1; p=reject; rua=mailto:dmarc-reports@acme.test');
  });
});

describe('DKIM advice', () => {
  it('picks the next free selector', () => {
    assert.equal(nextSelector('s1', ['s1']), 's2');
    assert.equal(nextSelector('s1', ['s1', 's2']), 's3');
    assert.equal(nextSelector('selector1', ['selector1']), 'selector2');
    assert.equal(nextSelector('google', ['google']), 'google2');
  });

  it('rotates: the new selector\'s record shape, then the old selector revoked', () => {
    const steps = rotationSteps('acme.test', 'k1', ['k1', 'k2']);
    assert.match(steps, /^ +k3\._domainkey\.acme\.test {2}TXT {2}"v=DKIM1; k=rsa; p=<the 2048-bit RSA public key, base64, in one piece>"$/m);
    assert.match(steps, /^ +k1\._domainkey\.acme\.test {2}TXT {2}"v=DKIM1; p="$/m);
  });

  it('repairs a record whose only fault is the order of v=, else gives the shape to fill in', () => {
    assert.match(repairedDkimText('s._domainkey.acme.test', `k=rsa; v=DKIM1; p=${KEY_2048}`), new RegExp(`"v=DKIM1; k=rsa; p=${KEY_2048.replace(/[+/]/g, '\\$&')}"`));
    assert.match(repairedDkimText('s._domainkey.acme.test', 'v=DKIM1; k=rsa; p=MIGfMA0GCS'), /"v=DKIM1; k=rsa; p=<the 2048-bit RSA public key/);
  });
});

describe('MX and MTA-STS advice', () => {
  it('knows the MX set of the mailbox provider the SPF record includes', async () => {
    const { email } = (await emailArtifacts(withSpf('v=spf1 include:spf.protection.outlook.com ~all', { 'spf.protection.outlook.com': { TXT: ['v=spf1 ip4:40.92.0.0/15 -all'] } }))) as { email: EmailArtifact };
    assert.deepEqual(providerMx(email), { provider: 'Microsoft 365', records: [{ name: 'acme.test', type: 'MX', value: '0 acme-test.mail.protection.outlook.com' }] });
  });

  it('suggests a policy listing every MX host and keeps valid settings', () => {
    assert.equal(suggestedPolicy(['mx1.mail.test', 'mx2.other.test'], parseMtaStsPolicy('version: STSv1\nmode: enforce\nmx: *.mail.test\nmax_age: 1209600\n')), 'version: STSv1\nmode: enforce\nmx: *.mail.test\nmx: mx2.other.test\nmax_age: 1209600');
    assert.equal(suggestedPolicy(['mx1.mail.test']), 'version: STSv1\nmode: testing\nmx: mx1.mail.test\nmax_age: 86400');
  });

  it('raises the policy id so senders fetch the new policy', () => {
    assert.equal(nextPolicyId('2026010101'), '2026010102');
    assert.equal(nextPolicyId('abc'), 'abc1');
    assert.equal(nextPolicyId(undefined), '1');
  });
});

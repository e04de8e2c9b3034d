/**
 * The corrected SPF records handed out by the SPF checks (advice.ts, spf/repair.ts): each problem
 * fixed where the domain owner can fix it — in its own records — and provider records left alone.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import spfIncludeMissing from '../../src/checks/email/spf-include-missing.js';
import { runChecks } from '../../src/core/runner.js';
import { correctedSpf } from '../../src/email/advice.js';
import { applyEdits, mergeSpf } from '../../src/email/spf/repair.js';
import { splitLongRecord } from '../../src/email/spf/flatten.js';
import type { EmailArtifact } from '../../src/email/artifact.js';
import { emailArtifacts, withSpf } from './zones.js';
import type { FakeZone } from './fake-dns.js';

async function fixOf(record: string, extra: FakeZone = {}) {
  const { email } = (await emailArtifacts(withSpf(record, extra))) as { email: EmailArtifact };
  return correctedSpf(email.spf);
}

const valueAt = (fix: Awaited<ReturnType<typeof fixOf>>, name: string) => fix?.records.find((r) => r.name === name)?.value;

describe('correctedSpf', () => {
  it('has nothing to say about a sound record', async () => {
    assert.equal(await fixOf('v=spf1 include:_spf.mail.test ~all'), undefined);
  });

  it('ends the record in ~all in place, before exp=', async () => {
    const fix = await fixOf('v=spf1 include:_spf.mail.test +all exp=why.acme.test');
    assert.equal(valueAt(fix, 'acme.test'), 'v=spf1 include:_spf.mail.test ~all exp=why.acme.test');
    assert.deepEqual(fix?.changes, ['+all replaced by ~all']);
  });

  it('corrects a misspelt mechanism, and drops what cannot be corrected', async () => {
    const fix = await fixOf('v=spf1 inlcude:_spf.mail.test ip4:192.0.2.300 ~all');
    assert.equal(valueAt(fix, 'acme.test'), 'v=spf1 include:_spf.mail.test ~all');
  });

  it('drops terms after all and a redirect next to all, which receivers never read', async () => {
    const fix = await fixOf('v=spf1 include:_spf.mail.test -all redirect=_spf.mail.test mx');
    assert.equal(valueAt(fix, 'acme.test'), 'v=spf1 include:_spf.mail.test -all');
  });

  it('fixes an own included record that ends in +all, leaving the domain\'s record as it is', async () => {
    const fix = await fixOf('v=spf1 include:_spf.acme.test ~all', { '_spf.acme.test': { TXT: ['v=spf1 ip4:192.0.2.0/24 +all'] } });
    assert.deepEqual(fix?.records, [{ name: '_spf.acme.test', type: 'TXT', value: 'v=spf1 ip4:192.0.2.0/24 ~all' }]);
  });

  it('drops a provider include that ends in +all, and says to ask the provider', async () => {
    const fix = await fixOf('v=spf1 mx include:_spf.mail.test ~all', { '_spf.mail.test': { TXT: ['v=spf1 ip4:198.51.100.0/24 +all'] } });
    assert.deepEqual(fix?.records, [{ name: 'acme.test', type: 'TXT', value: 'v=spf1 mx ~all' }]);
    assert.match(fix?.changes[0] ?? '', /ask the owner of _spf\.mail\.test to fix it, then put it back/);
  });

  it('turns a redirect to a provider record without "all" into an include followed by ~all', async () => {
    const fix = await fixOf('v=spf1 redirect=_spf.mail.test', { '_spf.mail.test': { TXT: ['v=spf1 ip4:198.51.100.0/24'] } });
    assert.equal(valueAt(fix, 'acme.test'), 'v=spf1 include:_spf.mail.test ~all');
  });

  it('ends the own record a redirect chain stops at, not the domain\'s', async () => {
    const fix = await fixOf('v=spf1 redirect=_spf.acme.test', { '_spf.acme.test': { TXT: ['v=spf1 ip4:192.0.2.0/24 ?all'] } });
    assert.deepEqual(fix?.records, [{ name: '_spf.acme.test', type: 'TXT', value: 'v=spf1 ip4:192.0.2.0/24 ~all' }]);
  });

  it('removes an include of a name without SPF, and the include that loops back', async () => {
    const fix = await fixOf('v=spf1 include:gone.acme.test include:a.acme.test ~all', { 'a.acme.test': { TXT: ['v=spf1 ip4:192.0.2.1 include:acme.test ~all'] } });
    assert.equal(valueAt(fix, 'acme.test'), 'v=spf1 include:a.acme.test ~all');
    assert.equal(valueAt(fix, 'a.acme.test'), 'v=spf1 ip4:192.0.2.1 ~all');
  });

  it('names the provider a misspelt include probably meant', async () => {
    const { findings } = runChecks([spfIncludeMissing], await emailArtifacts(withSpf('v=spf1 include:_spf.gogle.com ~all')));
    assert.match(findings[0].remediation, /^If you meant _spf\.google\.com, write include:_spf\.google\.com instead of include:_spf\.gogle\.com\.$/m);
  });

  it('removes void terms only past the limit of 2', async () => {
    assert.equal(await fixOf('v=spf1 a:old1.acme.test a:old2.acme.test include:_spf.mail.test ~all'), undefined);
    const fix = await fixOf('v=spf1 a:old1.acme.test a:old2.acme.test mx:old3.acme.test include:_spf.mail.test ~all');
    assert.equal(valueAt(fix, 'acme.test'), 'v=spf1 include:_spf.mail.test ~all');
  });
});

describe('record text helpers', () => {
  it('merges duplicate records: each term once, one ~all', () => {
    assert.equal(mergeSpf(['v=spf1 include:a.test -all', 'v=spf1 include:b.test include:a.test ?all']), 'v=spf1 include:a.test include:b.test ~all');
  });

  it('keeps only the first redirect= and exp=', () => {
    assert.equal(applyEdits('v=spf1 redirect=a.test exp=x.test redirect=b.test exp=y.test', { terms: new Map(), changes: [] }), 'v=spf1 redirect=a.test exp=x.test');
  });

  it('moves a long record\'s addresses to helper records when only passes come before all', async () => {
    const ips = Array.from({ length: 40 }, (_, i) => `ip4:198.51.0.${i}`).join(' ');
    const { email } = (await emailArtifacts(withSpf(`v=spf1 mx ${ips} -all`))) as { email: EmailArtifact };
    const split = splitLongRecord(email.spf);
    assert.equal(split?.[0].value, 'v=spf1 mx include:_spf1.acme.test include:_spf2.acme.test -all');
    assert.ok(split?.slice(1).every((r) => r.value.length <= 450 && r.value.startsWith('v=spf1 ip4:')));
    const { email: ordered } = (await emailArtifacts(withSpf(`v=spf1 -a ${ips} -all`))) as { email: EmailArtifact };
    assert.equal(splitLongRecord(ordered.spf), undefined, 'a fail term first: moving passes after it changes the result');
  });
});

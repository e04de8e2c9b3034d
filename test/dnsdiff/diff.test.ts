/** The plan (create/modify/delete, TTL-only apart) and when it is dangerous. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dangerReasons, planChanges } from '../../src/dnsdiff/diff.js';
import { describeChange } from '../../src/dnsdiff/render-plan.js';
import { dnsState, edit, ZONE, type Row } from './states.js';

function plan(o: Parameters<typeof dnsState>[0]) {
  const state = dnsState(o);
  const p = planChanges(state);
  return { lines: p.changes.map(describeChange), danger: dangerReasons(state, p), plan: p };
}

describe('planChanges', () => {
  it('nothing to do when live equals desired', () => {
    const { lines, plan: p } = plan({});
    assert.deepEqual(lines, []);
    assert.equal(p.unchanged, 10);
  });

  it('orders deletes, modifies, creates, then TTL-only changes', () => {
    const live = edit((r) => r[0] === 'api.acme.test' || r[0] === 'app.acme.test' || r[0] === 'www.acme.test', [
      ['app.acme.test', 'A', '198.51.100.20'],
      ['old.acme.test', 'A', '192.0.2.99'],
      ['www.acme.test', 'CNAME', 'acme.edge.test', 60],
    ]);
    const { lines } = plan({ desired: [...ZONE, ['old.acme.test', 'TXT', 'keep me']], live });
    assert.deepEqual(lines, [
      '- delete  old.acme.test A ttl 300 "192.0.2.99"',
      '~ modify  app.acme.test A "198.51.100.20" → "192.0.2.20"',
      '+ create  api.acme.test A ttl 300 "192.0.2.30"',
      '+ create  old.acme.test TXT ttl 300 "keep me"',
      '~ ttl     www.acme.test CNAME 60 → 300 "acme.edge.test"',
    ]);
  });

  it('does not compare TTLs the desired state leaves out, or that a cache counted down', () => {
    const live = edit((r) => r[0] === 'api.acme.test', [['api.acme.test', 'A', '192.0.2.30', 42]]);
    assert.deepEqual(plan({ live, authoritative: false }).lines, []);
    const desired = dnsState().desired.map((s) => (s.name === 'api.acme.test' ? { ...s, ttl: undefined } : s));
    const state = { ...dnsState({ live }), desired };
    assert.deepEqual(planChanges(state).changes, []);
  });

  it('a failed lookup is unknown, never a create or delete', () => {
    const { lines, plan: p } = plan({ live: edit((r) => r[0] === 'api.acme.test'), failures: [{ name: 'api.acme.test', type: 'A', message: 'ETIMEOUT' }] });
    assert.deepEqual(lines, []);
    assert.equal(p.unknown.length, 1);
  });
});

describe('dangerous plans', () => {
  const without = (names: string[]): Row[] => ZONE.filter((r) => !names.includes(r[0]));
  it('30% of a 12-record zone is not dangerous yet (3 records)', () => {
    assert.deepEqual(plan({ desired: without(['app.acme.test', 'api.acme.test', 'admin.acme.test']) }).danger, []);
  });
  it('4 of 12 is', () => {
    assert.deepEqual(plan({ desired: without(['app.acme.test', 'api.acme.test', 'admin.acme.test', 'www.acme.test']) }).danger, ["it deletes or modifies 4 of the zone's 12 records (33%, over 30%)"]);
  });
  it('a zone under ten records is never dangerous by share', () => {
    const small = ZONE.filter((r) => r[1] !== 'NS').slice(0, 9);
    assert.deepEqual(plan({ desired: small.slice(0, 3), live: small }).danger, []);
  });
  it('any change to the apex NS is, TTL-only ones aside', () => {
    assert.match(plan({ desired: edit((r) => r[1] === 'NS' && r[2].startsWith('ns2')) }).danger[0], /changes the apex NS records of acme\.test \(ns1\.dns-host\.test, ns2\.dns-host\.test → ns1\.dns-host\.test\)/);
    assert.deepEqual(plan({ live: edit((r) => r[1] === 'NS', [['acme.test', 'NS', 'ns1.dns-host.test', 60], ['acme.test', 'NS', 'ns2.dns-host.test', 60]]) }).danger, []);
  });
});

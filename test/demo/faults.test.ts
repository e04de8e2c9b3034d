import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../../src/core/errors.js';
import { FAULTS, FaultState } from '../../src/demo/faults.js';
import { WEB_HOSTS } from '../../src/demo/hosts.js';

/** The edge-layer check ids of issue 2: the default demo world must make each of them fire. */
const EDGE_CHECK_IDS = [
  'route.unreachable', 'dns.missing-record', 'dns.dangling-cname', 'dns.stale-address', 'deploy.version-mismatch',
  'deploy.version-endpoint-missing', 'env.preview-exposed', 'env.mixed', 'tls.expired', 'tls.expiring-soon',
  'tls.hostname-mismatch', 'tls.untrusted', 'tls.legacy-protocol', 'tls.weak-key', 'https.not-enforced', 'hsts.missing',
  'hsts.weak', 'redirect.loop', 'redirect.chain', 'redirect.conflicting-canonical', 'redirect.temporary',
  'redirect.downgrade', 'edge.unprotected', 'edge.origin-exposed', 'headers.csp-missing', 'headers.nosniff-missing',
  'headers.frame-missing', 'headers.referrer-missing', 'cookie.insecure', 'cors.wildcard-credentials',
  'cache.private-cached', 'cache.static-uncached', 'http.uncompressed', 'health.missing', 'health.shallow', 'tracing.missing',
];

describe('demo fault registry', () => {
  it('plants a default fault for every edge-layer check id', () => {
    const planted = new Set<string>(FAULTS.filter((f) => f.enabledByDefault).flatMap((f) => [...f.checks]));
    assert.deepEqual(EDGE_CHECK_IDS.filter((id) => !planted.has(id)), []);
  });

  it('has unique kebab-case names, a description, and hosts of the world', () => {
    const names = FAULTS.map((f) => f.name);
    assert.deepEqual([...new Set(names)], names);
    for (const f of FAULTS) {
      assert.match(f.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(f.description.length > 20, f.name);
      assert.ok(f.checks.length > 0, f.name);
      for (const host of f.hosts) assert.ok(WEB_HOSTS.includes(host), `${f.name}: ${host}`);
    }
  });

  it('turns everything off with fixed, and applies overrides after it', () => {
    const state = new FaultState({ fixed: true, faults: { 'tls-expired': true } });
    assert.deepEqual(state.list().filter((f) => f.on).map((f) => f.name), ['tls-expired']);
    assert.equal(new FaultState().list().every((f) => f.on === f.enabledByDefault), true);
  });

  it('scopes a fault to the hosts it is planted on', () => {
    const state = new FaultState();
    assert.equal(state.on('hsts-missing', 'api.acme.test'), true);
    assert.equal(state.on('hsts-missing', 'www.acme.test'), false);
    assert.equal(state.on('hsts-missing'), true);
  });

  it('notifies listeners of real changes only, and names the closest fault for a typo', () => {
    const state = new FaultState();
    const seen: string[] = [];
    const stop = state.subscribe((name, on) => seen.push(`${name}=${on}`));
    state.set('csp-missing', false);
    state.set('csp-missing', false);
    stop();
    state.set('csp-missing', true);
    assert.deepEqual(seen, ['csp-missing=false']);
    assert.throws(() => state.set('hsts-mising', true), (err: unknown) => err instanceof UsageError && /Did you mean "hsts-missing"/.test(err.message));
  });
});

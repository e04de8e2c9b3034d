import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseTargetUrl, planFromDiscovery } from '../../src/collect/discover.js';

describe('discovery plan', () => {
  it('puts staging/dev/preview hosts in their environments and the rest in production', () => {
    const plan = planFromDiscovery(
      {
        url: 'https://www.shop.co.uk/',
        domain: 'shop.co.uk',
        canonicalUrl: 'https://www.shop.co.uk/',
        hosts: ['shop.co.uk', 'www.shop.co.uk', 'api.shop.co.uk', 'staging.shop.co.uk', 'dev.shop.co.uk', 'preview.shop.co.uk'].map((name) => ({ name, addresses: ['192.0.2.1'] })),
      },
      new Date('2026-11-28T00:00:00Z'),
    );
    const env = (name: string) => plan.environments.find((e) => e.name === name)?.hosts;
    assert.deepEqual(env('production'), ['shop.co.uk', 'www.shop.co.uk', 'api.shop.co.uk']);
    assert.deepEqual(env('staging'), ['staging.shop.co.uk', 'dev.shop.co.uk']);
    assert.deepEqual(env('preview'), ['preview.shop.co.uk']);
    assert.equal(plan.routes[0].url, 'https://www.shop.co.uk/');
    assert.ok(plan.hosts.every((h) => !h.declared));
  });

  it('accepts bare host names and refuses other schemes', () => {
    assert.equal(parseTargetUrl('acme.test').toString(), 'https://acme.test/');
    assert.throws(() => parseTargetUrl('ftp://acme.test'), /only http and https/);
    assert.throws(() => parseTargetUrl('http://'), /not a URL/);
  });
});

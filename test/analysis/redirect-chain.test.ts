import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { auditedChains } from '../../src/analysis/audited-chains.js';
import { describeChain, isHttpsUpgrade, redirectHops } from '../../src/analysis/redirect-chain.js';
import { chain, exchange, host, plan, redirect, route } from '../helpers/artifacts.js';

describe('redirectHops', () => {
  it('resolves relative Locations and drops fragments', () => {
    const c = chain(redirect('https://www.acme.test/a', '/b#top', 302), exchange({ url: 'https://www.acme.test/b' }));
    assert.deepEqual(redirectHops(c), [{ from: 'https://www.acme.test/a', status: 302, to: 'https://www.acme.test/b' }]);
  });

  it('skips a 3xx without Location and a non-http Location', () => {
    const c = chain(exchange({ url: 'https://acme.test/', status: 304 }), redirect('https://acme.test/x', 'ftp://acme.test/'));
    assert.deepEqual(redirectHops(c), []);
  });
});

describe('isHttpsUpgrade', () => {
  it('same host http -> https only', () => {
    assert.equal(isHttpsUpgrade({ from: 'http://acme.test/', status: 301, to: 'https://acme.test/' }), true);
    assert.equal(isHttpsUpgrade({ from: 'http://acme.test/', status: 301, to: 'https://www.acme.test/' }), false);
    assert.equal(isHttpsUpgrade({ from: 'https://acme.test/', status: 301, to: 'https://acme.test/home' }), false);
  });
});

describe('describeChain', () => {
  it('renders hops and the final status', () => {
    const c = chain(redirect('http://acme.test/', 'https://acme.test/'), exchange({ url: 'https://acme.test/' }));
    assert.equal(describeChain(c), 'http://acme.test/ -> 301 -> https://acme.test/ -> 200');
  });

  it('ends a loop on the URL that came round again', () => {
    const c = { ...chain(redirect('https://a.test/', 'https://b.test/'), redirect('https://b.test/', 'https://a.test/')), outcome: 'loop' as const };
    assert.equal(describeChain(c), 'https://a.test/ -> 301 -> https://b.test/ -> 301 -> https://a.test/ (loop)');
  });

  it('names the failure of a request', () => {
    const c = chain(redirect('http://a.test/', 'https://a.test/'), exchange({ url: 'https://a.test/', status: undefined, error: { code: 'tls', message: 'bad cert' } }));
    assert.equal(describeChain(c), 'http://a.test/ -> 301 -> https://a.test/ -> failed (tls)');
  });

  it('quotes an invalid Location', () => {
    const c = { ...chain(redirect('https://a.test/', 'http://[bad')), outcome: 'bad-location' as const };
    assert.equal(describeChain(c), 'https://a.test/ -> 301 -> invalid Location "http://[bad"');
  });
});

describe('auditedChains', () => {
  it('lists routes first with their kind, and a host chain starting at a route URL only once', () => {
    const home = route({ name: 'home', url: 'https://www.acme.test/', kind: 'page' });
    const h = host('www.acme.test');
    const entries = auditedChains(plan({ routes: [home] }), [h], [{ name: 'home', chain: h.https! }]);
    assert.deepEqual(
      entries.map((e) => [e.target, e.chain.startUrl, e.routeKind]),
      [
        ['https://www.acme.test/', 'https://www.acme.test/', 'page'],
        ['www.acme.test', 'http://www.acme.test/', undefined],
      ],
    );
  });
});

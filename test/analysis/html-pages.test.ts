import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findingsPerHost, htmlPages } from '../../src/analysis/html-pages.js';
import { exchange, host, plan, route, routeRun } from '../helpers/artifacts.js';

const world = plan({
  routes: [
    route({ name: 'home', url: 'https://www.acme.test/' }),
    route({ name: 'checkout', url: 'https://www.acme.test/checkout', kind: 'checkout' }),
    route({ name: 'orders', url: 'https://api.acme.test/api/orders', kind: 'api' }),
  ],
});
const html = (url: string) => exchange({ url, headers: { 'content-type': 'text/html' } });
const routes = [routeRun('home', html('https://www.acme.test/')), routeRun('checkout', html('https://www.acme.test/checkout')), routeRun('orders', html('https://api.acme.test/api/orders'))];

describe('htmlPages', () => {
  it('takes host roots and page/login/checkout routes once per URL, keeping the route kind', () => {
    const pages = htmlPages(world, [host('www.acme.test')], routes);
    assert.deepEqual(
      pages.map((p) => [p.url, p.routeKind]),
      [
        ['https://www.acme.test/', 'page'],
        ['https://www.acme.test/checkout', 'checkout'],
      ],
    );
  });
});

describe('findingsPerHost', () => {
  it('lists the pages of a host in one finding, ranked by its most valuable route', () => {
    const drafts = findingsPerHost(htmlPages(world, [host('www.acme.test')], routes), () => 'no header');
    assert.deepEqual(drafts, [
      { target: 'www.acme.test', evidence: 'https://www.acme.test/: no header; https://www.acme.test/checkout: no header', routeKind: 'checkout' },
    ]);
  });
  it('leaves hosts without a problem out', () => assert.deepEqual(findingsPerHost(htmlPages(world, [host('www.acme.test')], []), () => undefined), []));
});

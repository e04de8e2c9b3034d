import { cases } from '../../../helpers/check-cases.js';
import { chain, exchange, host, plan, redirect, route } from '../../../helpers/artifacts.js';

const home = exchange({ url: 'https://www.acme.test/', headers: { 'content-type': 'text/html' } });

export default cases({
  pass: [
    { name: 'http upgrades once, https answers', artifacts: { plan: plan(), hosts: [host('acme.test'), host('www.acme.test')], routes: [] } },
    {
      name: 'HSTS-preload style: same-host upgrade first, then one hop to www',
      artifacts: {
        plan: plan(),
        hosts: [
          host('acme.test', {
            https: chain(redirect('https://acme.test/', 'https://www.acme.test/'), home),
            http: chain(redirect('http://acme.test/', 'https://acme.test/'), redirect('https://acme.test/', 'https://www.acme.test/'), home),
          }),
          host('www.acme.test'),
        ],
        routes: [],
      },
    },
  ],
  fail: [
    {
      name: 'apex to www, then www to /home: two hops',
      artifacts: {
        plan: plan(),
        hosts: [
          host('acme.test', {
            https: chain(redirect('https://acme.test/', 'https://www.acme.test/'), redirect('https://www.acme.test/', '/home'), exchange({ url: 'https://www.acme.test/home' })),
            http: chain(
              redirect('http://acme.test/', 'https://acme.test/'),
              redirect('https://acme.test/', 'https://www.acme.test/'),
              redirect('https://www.acme.test/', '/home'),
              exchange({ url: 'https://www.acme.test/home' }),
            ),
          }),
        ],
        routes: [],
      },
      expect: [{ target: 'acme.test', severity: 'low', evidence: '2 redirects before https://www.acme.test/home: https://acme.test/ -> 301 -> https://www.acme.test/ -> 301 -> https://www.acme.test/home -> 200' }],
    },
    {
      name: 'http apex goes to http www before https',
      artifacts: {
        plan: plan(),
        hosts: [host('acme.test', { http: chain(redirect('http://acme.test/', 'http://www.acme.test/'), redirect('http://www.acme.test/', 'https://www.acme.test/'), home) })],
        routes: [],
      },
      expect: [{ target: 'acme.test', evidence: '2 redirects before https://www.acme.test/: http://acme.test/ -> 301 -> http://www.acme.test/' }],
    },
    {
      name: 'a declared route behind three hops, counted after the free upgrade',
      artifacts: {
        plan: plan({ routes: [route({ name: 'shop', url: 'http://acme.test/shop', kind: 'checkout' })] }),
        hosts: [],
        routes: [
          {
            name: 'shop',
            chain: chain(
              redirect('http://acme.test/shop', 'https://acme.test/shop'),
              redirect('https://acme.test/shop', 'https://www.acme.test/shop'),
              redirect('https://www.acme.test/shop', '/shop/'),
              exchange({ url: 'https://www.acme.test/shop/' }),
            ),
          },
        ],
      },
      expect: [{ target: 'http://acme.test/shop', evidence: '2 redirects before https://www.acme.test/shop/ (not counting the first http -> https upgrade)' }],
    },
  ],
});

import type { RedirectChain } from '../../../../src/core/artifacts.js';
import { cases } from '../../../helpers/check-cases.js';
import { chain, exchange, host, plan, redirect, route } from '../../../helpers/artifacts.js';

const looping = (...hops: ReturnType<typeof redirect>[]): RedirectChain => ({ ...chain(...hops), outcome: 'loop' });

// Apex and www each send the visitor to the other: the collector stops when a URL comes round again.
const apexWwwLoop = [
  host('acme.test', {
    https: looping(redirect('https://acme.test/', 'https://www.acme.test/'), redirect('https://www.acme.test/', 'https://acme.test/')),
    http: looping(redirect('http://acme.test/', 'https://acme.test/'), redirect('https://acme.test/', 'https://www.acme.test/'), redirect('https://www.acme.test/', 'https://acme.test/')),
  }),
  host('www.acme.test', {
    https: looping(redirect('https://www.acme.test/', 'https://acme.test/'), redirect('https://acme.test/', 'https://www.acme.test/')),
    http: looping(redirect('http://www.acme.test/', 'https://www.acme.test/'), redirect('https://www.acme.test/', 'https://acme.test/'), redirect('https://acme.test/', 'https://www.acme.test/')),
  }),
];

const checkout = route({ name: 'checkout', url: 'https://www.acme.test/checkout', kind: 'checkout' });

export default cases({
  pass: [
    { name: 'every chain ends in a response', artifacts: { plan: plan(), hosts: [host('acme.test'), host('www.acme.test')], routes: [] } },
    {
      name: 'the same URL with another method is not a loop (POST -> 303 -> GET)',
      artifacts: {
        plan: plan({ routes: [route({ name: 'login', url: 'https://www.acme.test/login', method: 'POST', kind: 'login' })] }),
        hosts: [host('www.acme.test')],
        routes: [
          {
            name: 'login',
            chain: chain({ ...redirect('https://www.acme.test/login', '/login', 303), method: 'POST' }, exchange({ url: 'https://www.acme.test/login' })),
          },
        ],
      },
    },
  ],
  fail: [
    {
      name: 'apex and www redirect to each other: one loop, reported once',
      artifacts: { plan: plan(), hosts: apexWwwLoop, routes: [] },
      expect: [{ target: 'acme.test', severity: 'critical', evidence: 'https://acme.test/ -> 301 -> https://www.acme.test/ -> 301 -> https://acme.test/ (loop)' }],
    },
    {
      name: 'a checkout route that never stops redirecting',
      artifacts: {
        plan: plan({ routes: [checkout] }),
        hosts: [host('www.acme.test')],
        routes: [
          {
            name: 'checkout',
            chain: {
              ...chain(redirect(checkout.url, '/checkout?step=1'), redirect('https://www.acme.test/checkout?step=1', '/checkout?step=2')),
              outcome: 'too-many-redirects',
            },
          },
        ],
      },
      expect: [{ target: checkout.url, evidence: '-> https://www.acme.test/checkout?step=2 (gave up after 2 redirects)' }],
    },
  ],
});

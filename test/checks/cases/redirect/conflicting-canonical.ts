import type { RedirectChain } from '../../../../src/core/artifacts.js';
import { cases } from '../../../helpers/check-cases.js';
import { chain, dns, exchange, host, plan, redirect } from '../../../helpers/artifacts.js';

const looping = (...hops: ReturnType<typeof redirect>[]): RedirectChain => ({ ...chain(...hops), outcome: 'loop' });
const apexToWww = host('acme.test', {
  https: chain(redirect('https://acme.test/', 'https://www.acme.test/'), exchange({ url: 'https://www.acme.test/' })),
  http: chain(redirect('http://acme.test/', 'https://acme.test/'), redirect('https://acme.test/', 'https://www.acme.test/'), exchange({ url: 'https://www.acme.test/' })),
});

export default cases({
  pass: [
    { name: 'apex redirects to the canonical www', artifacts: { plan: plan(), hosts: [apexToWww, host('www.acme.test')] } },
    {
      name: 'www redirects to a canonical apex',
      artifacts: {
        plan: plan({ canonicalUrl: 'https://acme.test/' }),
        hosts: [host('acme.test'), host('www.acme.test', { https: chain(redirect('https://www.acme.test/', 'https://acme.test/'), exchange({ url: 'https://acme.test/' })) })],
      },
    },
    {
      name: 'no www host at all',
      artifacts: { plan: plan({ canonicalUrl: 'https://acme.test/' }), hosts: [host('acme.test')] },
    },
    {
      name: 'www does not resolve (dns.missing-record reports it)',
      artifacts: {
        plan: plan(),
        hosts: [host('acme.test'), { host: 'www.acme.test', environment: 'production', dns: dns('www.acme.test', { a: [], status: 'nxdomain' }) }],
      },
    },
  ],
  fail: [
    {
      name: 'both apex and www serve the shop',
      artifacts: { plan: plan(), hosts: [host('acme.test'), host('www.acme.test')] },
      expect: [
        {
          target: 'acme.test',
          severity: 'medium',
          evidence: 'both hosts serve the site, neither redirects: https://acme.test/ -> 200; https://www.acme.test/ -> 200; the canonical URL is https://www.acme.test/, so acme.test should 301 to it',
        },
      ],
    },
    {
      name: 'both serve, canonical is the apex: www should redirect',
      artifacts: { plan: plan({ canonicalUrl: 'https://acme.test/' }), hosts: [host('acme.test'), host('www.acme.test')] },
      expect: [{ target: 'www.acme.test', evidence: 'so www.acme.test should 301 to it' }],
    },
    {
      name: 'apex and www redirect to each other',
      artifacts: {
        plan: plan(),
        hosts: [
          host('acme.test', { https: looping(redirect('https://acme.test/', 'https://www.acme.test/'), redirect('https://www.acme.test/', 'https://acme.test/')) }),
          host('www.acme.test', { https: looping(redirect('https://www.acme.test/', 'https://acme.test/'), redirect('https://acme.test/', 'https://www.acme.test/')) }),
        ],
      },
      expect: [{ target: 'acme.test', evidence: 'acme.test and www.acme.test redirect to each other: https://acme.test/ -> 301 -> https://www.acme.test/ -> 301 -> https://acme.test/ (loop)' }],
    },
  ],
});

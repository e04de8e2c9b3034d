import { cases } from '../../../helpers/check-cases.js';
import { chain, dns, exchange, host, plan, redirect } from '../../../helpers/artifacts.js';

const world = plan({
  hosts: [
    { name: 'acme.test', environment: 'production', declared: true },
    { name: 'www.acme.test', environment: 'production', declared: true },
    { name: 'staging.acme.test', environment: 'staging', declared: true },
  ],
  environments: [
    { name: 'production', role: 'production', hosts: ['acme.test', 'www.acme.test'] },
    { name: 'staging', role: 'staging', hosts: ['staging.acme.test'] },
  ],
});
const cloudflare = { 'cf-ray': '8c1f2a3b4c5d6e7f-AMS', server: 'cloudflare' };
const nginx = { server: 'nginx/1.25.3' };

export default cases({
  pass: [
    {
      name: 'every host behind Cloudflare',
      artifacts: { plan: world, hosts: [host('acme.test', { headers: cloudflare }), host('www.acme.test', { headers: cloudflare }), host('staging.acme.test', { headers: cloudflare })] },
    },
    {
      name: 'a host bypassing the edge its environment uses is edge.origin-exposed, not unprotected',
      artifacts: {
        plan: world,
        hosts: [host('acme.test', { dns: dns('acme.test', { cnames: ['acme.test.global.ssl.fastly.net'], a: ['151.101.1.57'] }), headers: nginx }), host('www.acme.test', { headers: nginx })],
      },
    },
    {
      name: 'a host that only redirects elsewhere serves no content',
      artifacts: {
        plan: plan({ hosts: [{ name: 'acme.test', environment: 'production', declared: true }] }),
        hosts: [host('acme.test', { https: chain(redirect('https://acme.test/', 'https://shop.example/'), exchange({ url: 'https://shop.example/' })), http: chain(redirect('http://acme.test/', 'https://acme.test/')) })],
      },
    },
    {
      name: 'a host that does not resolve is ignored',
      artifacts: { plan: world, hosts: [{ host: 'staging.acme.test', environment: 'staging', dns: dns('staging.acme.test', { a: [], status: 'nxdomain' }) }] },
    },
  ],
  fail: [
    {
      name: 'production served straight from the origin',
      artifacts: { plan: world, hosts: [host('acme.test', { headers: nginx }), host('www.acme.test', { headers: nginx, dns: dns('www.acme.test', { a: ['203.0.113.7'] }) })] },
      expect: [
        { target: 'acme.test', severity: 'medium', evidence: 'GET https://acme.test/ -> 200 (server: nginx/1.25.3) from 192.0.2.10: no edge header' },
        { target: 'www.acme.test', evidence: 'from 203.0.113.7: no edge header, CNAME or address of Cloudflare, Fastly, CloudFront, Akamai, Vercel, Netlify; no other production host is behind an edge either' },
      ],
    },
    {
      name: 'staging unprotected while production is behind Cloudflare',
      artifacts: {
        plan: world,
        hosts: [host('acme.test', { headers: cloudflare }), host('www.acme.test', { headers: cloudflare }), host('staging.acme.test', { headers: nginx })],
      },
      expect: [{ target: 'staging.acme.test', evidence: 'no other staging host is behind an edge either' }],
    },
  ],
});

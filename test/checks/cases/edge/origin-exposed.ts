import { cases } from '../../../helpers/check-cases.js';
import { dns, host, plan } from '../../../helpers/artifacts.js';

const world = plan({
  hosts: [
    { name: 'acme.test', environment: 'production', declared: true },
    { name: 'www.acme.test', environment: 'production', declared: true },
    { name: 'api.acme.test', environment: 'production', declared: true },
    { name: 'staging.acme.test', environment: 'staging', declared: true },
  ],
  environments: [
    { name: 'production', role: 'production', hosts: ['acme.test', 'www.acme.test', 'api.acme.test'] },
    { name: 'staging', role: 'staging', hosts: ['staging.acme.test'] },
  ],
});
const cloudflare = { 'cf-ray': '8c1f2a3b4c5d6e7f-AMS', server: 'cloudflare' };
const nginx = { server: 'nginx/1.25.3' };

export default cases({
  pass: [
    {
      name: 'every production host behind Cloudflare',
      artifacts: { plan: world, hosts: [host('acme.test', { headers: cloudflare }), host('www.acme.test', { headers: cloudflare }), host('api.acme.test', { headers: cloudflare })] },
    },
    {
      name: 'no edge anywhere is edge.unprotected, not origin-exposed',
      artifacts: { plan: world, hosts: [host('acme.test', { headers: nginx }), host('www.acme.test', { headers: nginx })] },
    },
    {
      name: 'staging without an edge is not compared with production',
      artifacts: { plan: world, hosts: [host('acme.test', { headers: cloudflare }), host('www.acme.test', { headers: cloudflare }), host('staging.acme.test', { headers: nginx })] },
    },
    {
      name: 'a production host that does not resolve is ignored',
      artifacts: {
        plan: world,
        hosts: [host('www.acme.test', { headers: cloudflare }), { host: 'api.acme.test', environment: 'production', dns: dns('api.acme.test', { a: [], status: 'nxdomain' }) }],
      },
    },
  ],
  fail: [
    {
      name: 'the API answers from the origin while the site is behind Cloudflare',
      artifacts: {
        plan: world,
        hosts: [
          host('acme.test', { headers: cloudflare }),
          host('www.acme.test', { headers: cloudflare }),
          host('api.acme.test', { headers: nginx, dns: dns('api.acme.test', { a: ['198.51.100.23'] }) }),
        ],
      },
      expect: [
        {
          target: 'api.acme.test',
          severity: 'high',
          evidence: 'GET https://api.acme.test/ -> 200 (server: nginx/1.25.3) from 198.51.100.23 with no edge, while production hosts acme.test (Cloudflare: cf-ray: 8c1f2a3b4c5d6e7f-AMS (on https://acme.test/))',
        },
      ],
    },
    {
      name: 'www bypasses the Cloudflare address the apex resolves into',
      artifacts: {
        plan: world,
        hosts: [host('acme.test', { dns: dns('acme.test', { a: ['104.21.32.1'] }), headers: nginx }), host('www.acme.test', { headers: nginx })],
      },
      expect: [{ target: 'www.acme.test', evidence: "acme.test (Cloudflare: acme.test resolves to 104.21.32.1, in Cloudflare's published range 104.16.0.0/13) are behind one" }],
    },
  ],
});

import type { HostArtifact } from '../../../../src/core/artifacts.js';
import { cases } from '../../../helpers/check-cases.js';
import { chain, collected, exchange, host, plan, redirect } from '../../../helpers/artifacts.js';

const STAGING = 'https://staging.acme.test/';
const world = plan({
  hosts: [
    { name: 'www.acme.test', environment: 'production', declared: true },
    { name: 'staging.acme.test', environment: 'staging', declared: true },
    { name: 'pr-42.acme.test', environment: 'preview', declared: true },
  ],
  environments: [
    { name: 'production', role: 'production', hosts: ['www.acme.test'] },
    { name: 'staging', role: 'staging', hosts: ['staging.acme.test'] },
    { name: 'preview', role: 'preview', hosts: ['pr-42.acme.test'] },
  ],
});
const robots = (name: string, status: number, body = '') => exchange({ url: `https://${name}/robots.txt`, status, headers: { 'content-type': 'text/plain' }, body });
const staging = (over: Partial<HostArtifact> & { headers?: Record<string, string> } = {}) =>
  host('staging.acme.test', { environment: 'staging', robots: robots('staging.acme.test', 404), ...over });
const page = (url: string, over: { headers?: Record<string, string>; body?: string; status?: number } = {}) =>
  exchange({ url, status: over.status ?? 200, headers: { 'content-type': 'text/html', ...over.headers }, body: over.body ?? '<html><h1>Acme staging</h1></html>' });

export default cases({
  pass: [
    { name: 'staging behind basic auth answers 401', artifacts: collected({ plan: world, hosts: [staging({ https: chain(page(STAGING, { status: 401, headers: { 'www-authenticate': 'Basic realm="staging"' } })) })] }) },
    {
      name: 'an anonymous visitor is redirected to the login page',
      artifacts: collected({ plan: world, hosts: [staging({ https: chain(redirect(STAGING, 'https://staging.acme.test/login?next=/', 302), page('https://staging.acme.test/login?next=/')) })] }),
    },
    {
      name: 'an access gateway (Cloudflare Access) stands in front',
      artifacts: collected({
        plan: world,
        hosts: [staging({ https: chain(redirect(STAGING, 'https://acme.cloudflareaccess.com/cdn-cgi/access/login/staging.acme.test', 302), page('https://acme.cloudflareaccess.com/cdn-cgi/access/login/staging.acme.test')) })],
      }),
    },
    { name: 'public but X-Robots-Tag: noindex, nofollow', artifacts: collected({ plan: world, hosts: [staging({ https: chain(page(STAGING, { headers: { 'x-robots-tag': 'noindex, nofollow' } })) })] }) },
    { name: 'public but a robots meta tag says noindex', artifacts: collected({ plan: world, hosts: [staging({ https: chain(page(STAGING, { body: '<head><meta content="noindex,nofollow" name="ROBOTS"></head>' })) })] }) },
    { name: 'public but robots.txt disallows everything', artifacts: collected({ plan: world, hosts: [staging({ robots: robots('staging.acme.test', 200, '# staging\nUser-agent: *\nDisallow: /\n') })] }) },
    { name: 'staging redirects to the production shop', artifacts: collected({ plan: world, hosts: [staging({ https: chain(redirect(STAGING, 'https://www.acme.test/'), page('https://www.acme.test/')) })] }) },
    { name: 'a public, indexable production host is not a preview', artifacts: collected({ plan: world, hosts: [host('www.acme.test', { robots: robots('www.acme.test', 404) })] }) },
  ],
  fail: [
    {
      name: 'staging answers 200 to anyone, with no robots.txt',
      artifacts: collected({ plan: world, hosts: [staging()] }),
      expect: [
        {
          target: 'staging.acme.test',
          severity: 'high',
          evidence: 'staging host: GET https://staging.acme.test/ -> 200 without credentials; no X-Robots-Tag: noindex header; no <meta name="robots" content="noindex">; robots.txt answers 404',
        },
      ],
    },
    {
      name: 'a preview whose robots.txt only hides /admin',
      artifacts: collected({
        plan: world,
        hosts: [host('pr-42.acme.test', { environment: 'preview', robots: robots('pr-42.acme.test', 200, 'User-agent: *\nDisallow: /admin\n') })],
      }),
      expect: [{ target: 'pr-42.acme.test', evidence: 'robots.txt does not disallow / for User-agent: *' }],
    },
    {
      name: 'robots.txt blocks only Googlebot and re-opens a path for everyone',
      artifacts: collected({
        plan: world,
        hosts: [staging({ robots: robots('staging.acme.test', 200, 'User-agent: Googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /\nAllow: /products\n') })],
      }),
      expect: [{ target: 'staging.acme.test', evidence: 'robots.txt does not disallow /' }],
    },
    {
      name: 'a host planned under a staging environment the config does not describe',
      artifacts: collected({ plan: plan(), hosts: [host('dev.acme.test', { environment: 'staging' })] }),
      expect: [{ target: 'dev.acme.test', evidence: 'robots.txt was not fetched' }],
    },
  ],
});

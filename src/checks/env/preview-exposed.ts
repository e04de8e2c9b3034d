import { hostRole } from '../../analysis/environment-role.js';
import { metaContents } from '../../analysis/html-meta.js';
import { finalResponse, headerValues, hostnameOf, isSuccess } from '../../analysis/http-exchange.js';
import { isLoginUrl } from '../../analysis/login-wall.js';
import { disallowsEverything } from '../../analysis/robots.js';
import type { HostArtifact, HttpExchange } from '../../core/artifacts.js';
import { defineCheck, type FindingDraft } from '../../core/check.js';

const NOINDEX = /(^|[\s,:])(noindex|none)\b/i;

/** What keeps search engines out, or why nothing does; undefined means the page is kept out of the index. */
function indexingGaps(host: HostArtifact, page: HttpExchange): string[] | undefined {
  const header = headerValues(page, 'x-robots-tag').some((v) => NOINDEX.test(v));
  const meta = metaContents(page.body, 'name', 'robots').some((v) => NOINDEX.test(v));
  const robots = host.robots;
  const robotsBlocks = robots !== undefined && isSuccess(robots) && disallowsEverything(robots.body);
  if (header || meta || robotsBlocks) return undefined;
  const robotsSays = !robots
    ? 'robots.txt was not fetched'
    : robots.error
      ? `robots.txt failed (${robots.error.code})`
      : isSuccess(robots)
        ? 'robots.txt does not disallow / for User-agent: *'
        : `robots.txt answers ${robots.status}`;
  return ['no X-Robots-Tag: noindex header', 'no <meta name="robots" content="noindex">', robotsSays];
}

export default defineCheck({
  id: 'env.preview-exposed',
  severity: 'high',
  stage: 1,
  title: 'Staging and preview hosts are private',
  failureTitle: 'A staging or preview host is public and indexable',
  description:
    'Requests the root of every host of a staging or preview environment without credentials. It is exposed when it answers 2xx ' +
    '(no 401/403, no redirect to a login page or access gateway, no redirect off the host) and nothing keeps search engines out: no ' +
    '`X-Robots-Tag: noindex`, no robots meta tag, and a robots.txt that does not disallow everything.',
  impact:
    'Search engines index the unfinished shop next to the real one, customers land on it and order from a test checkout, and ' +
    'unreleased features and test data are public.',
  remediation:
    'Put the environment behind authentication (basic auth at the proxy, Vercel/Netlify deployment protection, Cloudflare Access) and ' +
    'also send `X-Robots-Tag: noindex, nofollow` on every response, so a leak is never indexed.',
  reference: 'https://developers.google.com/search/docs/crawling-indexing/block-indexing',
  requires: ['hosts'],
  run({ plan, hosts }) {
    const drafts: FindingDraft[] = [];
    for (const host of hosts) {
      const role = hostRole(plan, host.host, host.environment);
      if (role !== 'staging' && role !== 'preview') continue;
      const page = finalResponse(host.https);
      if (!host.https || !page || !isSuccess(page) || hostnameOf(page.url) !== host.host) continue;
      // An anonymous visitor bounced to a sign-in page sees nothing of the environment.
      if (host.https.exchanges.slice(1).some((ex) => isLoginUrl(ex.url))) continue;
      const gaps = indexingGaps(host, page);
      if (!gaps) continue;
      drafts.push({ target: host.host, evidence: `${role} host: GET ${page.url} -> ${page.status} without credentials; ${gaps.join('; ')}` });
    }
    return drafts;
  },
});

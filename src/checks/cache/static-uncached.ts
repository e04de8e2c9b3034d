import { browserLifetime } from '../../analysis/cache-control.js';
import { fingerprintOf } from '../../analysis/fingerprinted-asset.js';
import { headerValue, isSuccess } from '../../analysis/http-exchange.js';
import { defineCheck, type FindingDraft } from '../../core/check.js';

const THIRTY_DAYS = 30 * 24 * 3600;

function duration(seconds: number): string {
  if (seconds >= 86400) return `${Math.floor(seconds / 86400)} days`;
  if (seconds >= 3600) return `${Math.floor(seconds / 3600)} hours`;
  return `${seconds} seconds`;
}

export default defineCheck({
  id: 'cache.static-uncached',
  severity: 'low',
  stage: 4,
  title: 'Fingerprinted assets are cached for a long time',
  failureTitle: 'Fingerprinted assets are not cached long-term',
  description:
    'Looks at the scripts and stylesheets the home pages load. A file whose name carries a content hash (a segment of 8+ hex or ' +
    'letter-and-digit characters, e.g. `app.3f2a9c1b.js`) never changes under that name, so it should be cacheable for at least 30 ' +
    'days (`max-age`, or `Expires`); `immutable` is a plus. One finding per asset URL.',
  impact: 'Returning visitors download the same bundles again on every visit, so pages load slower and conversions drop, especially on mobile.',
  remediation:
    'Serve hashed build assets with `Cache-Control: public, max-age=31536000, immutable` (e.g. a CDN or server rule for /assets/* or /_next/static/*); keep HTML itself short-lived.',
  reference: 'https://web.dev/articles/http-cache',
  requires: ['assets'],
  run({ plan, assets }) {
    const drafts = new Map<string, FindingDraft>();
    for (const { url, pageUrl, exchange } of assets) {
      const hash = fingerprintOf(url);
      if (!hash || drafts.has(url) || !isSuccess(exchange)) continue;
      const lifetime = browserLifetime(exchange, plan.now);
      if (lifetime >= THIRTY_DAYS) continue;
      const cacheControl = headerValue(exchange, 'cache-control') ?? '(none)';
      drafts.set(url, {
        target: url,
        evidence: `${url} (loaded by ${pageUrl}) is fingerprinted ("${hash}") but cacheable for ${duration(lifetime)}: Cache-Control: ${cacheControl}`,
      });
    }
    return [...drafts.values()];
  },
});

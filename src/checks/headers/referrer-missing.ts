import { metaContents } from '../../analysis/html-meta.js';
import { findingsPerHost, htmlPages } from '../../analysis/html-pages.js';
import { headerValues } from '../../analysis/http-exchange.js';
import { defineCheck } from '../../core/check.js';

const POLICIES = new Set([
  'no-referrer',
  'no-referrer-when-downgrade',
  'origin',
  'origin-when-cross-origin',
  'same-origin',
  'strict-origin',
  'strict-origin-when-cross-origin',
  'unsafe-url',
]);
/** Policies that hand the full URL (path and query: order ids, reset tokens) to other HTTPS sites. */
const LEAKY = new Set(['unsafe-url', 'no-referrer-when-downgrade']);

/** The policy in force: the last recognised token wins (Referrer Policy §8.1); a meta tag overrides the header. */
function effectivePolicy(values: string[]): string | undefined {
  const tokens = values.flatMap((v) => v.split(',')).map((t) => t.trim().toLowerCase());
  return tokens.filter((t) => POLICIES.has(t)).at(-1);
}

export default defineCheck({
  id: 'headers.referrer-missing',
  severity: 'low',
  stage: 2,
  title: 'Pages set a Referrer-Policy',
  failureTitle: 'Pages set no Referrer-Policy, or one that leaks full URLs',
  description:
    'Looks at the HTML pages of every host and of the page, login and checkout routes for a Referrer-Policy (header or `<meta ' +
    'name="referrer">`). Missing, unrecognised, `unsafe-url` and `no-referrer-when-downgrade` are reported. One finding per host, listing the pages.',
  impact:
    'Full page URLs, with order numbers, search terms or password-reset tokens in them, can be sent to every third-party script, image and link target.',
  remediation: 'Send `Referrer-Policy: strict-origin-when-cross-origin` (or `no-referrer`) on every HTML response.',
  reference: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Referrer-Policy',
  requires: ['hosts', 'routes'],
  run({ plan, hosts, routes }) {
    return findingsPerHost(htmlPages(plan, hosts, routes), ({ exchange }) => {
      const header = headerValues(exchange, 'referrer-policy');
      const meta = metaContents(exchange.body, 'name', 'referrer');
      const policy = effectivePolicy(meta.length > 0 ? meta : header);
      if (policy && !LEAKY.has(policy)) return undefined;
      if (policy) return `Referrer-Policy: ${policy} sends full URLs to other sites`;
      const written = [...header, ...meta];
      return written.length > 0 ? `unrecognised Referrer-Policy "${written.join(', ')}"` : 'no Referrer-Policy header';
    });
  },
});

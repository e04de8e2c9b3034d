import { findingsPerHost, htmlPages } from '../../analysis/html-pages.js';
import { headerValue, headerValues } from '../../analysis/http-exchange.js';
import { defineCheck } from '../../core/check.js';

/** frame-ancestors counts only from a header: browsers ignore it in a `<meta>` policy (CSP3 §6.4.2). */
function hasFrameAncestors(cspValues: string[]): boolean {
  return cspValues.some((policy) => policy.split(/[;,]/).some((d) => d.trim().toLowerCase().startsWith('frame-ancestors')));
}

export default defineCheck({
  id: 'headers.frame-missing',
  severity: 'medium',
  stage: 2,
  title: 'Pages refuse to be framed by other sites',
  failureTitle: 'Pages can be framed by any site (clickjacking)',
  description:
    'Looks at the HTML pages of every host and of the page, login and checkout routes for `X-Frame-Options: DENY|SAMEORIGIN` or a ' +
    'Content-Security-Policy header with `frame-ancestors`. `ALLOW-FROM` is ignored by current browsers and does not count. One finding ' +
    'per host, listing the pages.',
  impact:
    'Another site can load your login or checkout in an invisible frame and trick customers into clicking "buy" or typing their ' +
    'password into it (clickjacking).',
  remediation:
    'Send `Content-Security-Policy: frame-ancestors \'none\'` (or `\'self\'`), and `X-Frame-Options: DENY` for older browsers, on every HTML response.',
  reference: 'https://cheatsheetseries.owasp.org/cheatsheets/Clickjacking_Defense_Cheat_Sheet.html',
  requires: ['hosts', 'routes'],
  run({ plan, hosts, routes }) {
    return findingsPerHost(htmlPages(plan, hosts, routes), ({ exchange }) => {
      if (hasFrameAncestors(headerValues(exchange, 'content-security-policy'))) return undefined;
      const xfo = headerValue(exchange, 'x-frame-options');
      if (xfo && /^(deny|sameorigin)$/i.test(xfo.trim())) return undefined;
      return xfo
        ? `X-Frame-Options: ${xfo} is not DENY or SAMEORIGIN, so browsers ignore it, and no CSP frame-ancestors`
        : 'neither X-Frame-Options nor CSP frame-ancestors';
    });
  },
});

import { metaContents } from '../../analysis/html-meta.js';
import { findingsPerHost, htmlPages } from '../../analysis/html-pages.js';
import { headerValue } from '../../analysis/http-exchange.js';
import { defineCheck } from '../../core/check.js';

export default defineCheck({
  id: 'headers.csp-missing',
  severity: 'medium',
  stage: 2,
  title: 'Pages send a Content-Security-Policy',
  failureTitle: 'Pages have no Content-Security-Policy',
  description:
    'Looks at the HTML pages of every host and of the page, login and checkout routes for an enforced Content-Security-Policy, sent as ' +
    'a header or a `<meta http-equiv>` tag. A Report-Only policy does not count: it blocks nothing. One finding per host, listing the pages.',
  impact:
    'Without a CSP a single injected script (a compromised npm package, a chatbot reply rendered as HTML, a third-party tag) can read ' +
    'checkout forms and session data and send them anywhere.',
  remediation:
    'Send a policy on every HTML response, starting strict and widening as needed, e.g. `Content-Security-Policy: default-src \'self\'; ' +
    'script-src \'self\'; object-src \'none\'; base-uri \'self\'; frame-ancestors \'none\'`; roll it out with Report-Only first if unsure.',
  reference: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy',
  requires: ['hosts', 'routes'],
  run({ plan, hosts, routes }) {
    return findingsPerHost(htmlPages(plan, hosts, routes), ({ exchange }) => {
      if (headerValue(exchange, 'content-security-policy')?.trim()) return undefined;
      if (metaContents(exchange.body, 'http-equiv', 'content-security-policy').some((v) => v.trim())) return undefined;
      return headerValue(exchange, 'content-security-policy-report-only')
        ? 'only Content-Security-Policy-Report-Only, which blocks nothing'
        : 'no Content-Security-Policy header';
    });
  },
});

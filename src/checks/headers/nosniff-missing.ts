import { findingsPerHost, htmlPages } from '../../analysis/html-pages.js';
import { headerValues } from '../../analysis/http-exchange.js';
import { defineCheck } from '../../core/check.js';

export default defineCheck({
  id: 'headers.nosniff-missing',
  severity: 'low',
  stage: 2,
  title: 'Pages send X-Content-Type-Options: nosniff',
  failureTitle: 'Pages lack X-Content-Type-Options: nosniff',
  description:
    'Looks at the HTML pages of every host and of the page, login and checkout routes for `X-Content-Type-Options: nosniff`, the only ' +
    'valid value. One finding per host, listing the pages.',
  impact:
    'Browsers may guess content types, so a user upload or API response can be run as a script or stylesheet, opening a path for cross-site scripting.',
  remediation: 'Send `X-Content-Type-Options: nosniff` on every response from the web server, CDN or framework middleware (e.g. helmet).',
  reference: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/X-Content-Type-Options',
  requires: ['hosts', 'routes'],
  run({ plan, hosts, routes }) {
    return findingsPerHost(htmlPages(plan, hosts, routes), ({ exchange }) => {
      const values = headerValues(exchange, 'x-content-type-options');
      if (values.length === 0) return 'no X-Content-Type-Options header';
      return values[0].trim().toLowerCase() === 'nosniff' ? undefined : `X-Content-Type-Options: ${values[0]} (only "nosniff" is valid)`;
    });
  },
});

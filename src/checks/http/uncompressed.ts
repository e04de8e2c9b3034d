import { finalResponse, headerValue, isSuccess, mediaType } from '../../analysis/http-exchange.js';
import { routeKindAt } from '../../analysis/route-kind.js';
import type { HttpExchange } from '../../core/artifacts.js';
import { defineCheck, type FindingDraft } from '../../core/check.js';

const THRESHOLD = 1024;
const TEXT = /^(text\/.+|application\/(javascript|x-javascript|ecmascript|json|xml|[\w.-]+\+json|[\w.-]+\+xml)|image\/svg\+xml)$/;
const COMPRESSED = /\b(gzip|x-gzip|br|zstd|deflate)\b/i;

export default defineCheck({
  id: 'http.uncompressed',
  severity: 'low',
  stage: 4,
  title: 'Text responses are compressed',
  failureTitle: 'Text responses are served uncompressed',
  description:
    'Looks at the hosts\' pages, the routes\' answers and the page assets. A successful text response (HTML, CSS, JavaScript, JSON, ' +
    'SVG, XML, plain text) over 1 KB without `Content-Encoding: gzip`, `br`, `zstd` or `deflate` fails, although the audit asked ' +
    'with `Accept-Encoding: gzip, br`. One finding per URL.',
  impact: 'Text typically shrinks 70-90% when compressed; sending it raw makes pages and chat answers slower on mobile networks and raises bandwidth bills.',
  remediation:
    'Enable gzip and Brotli for text types at the CDN or web server (e.g. nginx `gzip on; gzip_types text/css application/javascript ' +
    'application/json image/svg+xml;`, or `compression()` middleware in Express).',
  reference: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Compression',
  requires: ['hosts', 'routes', 'assets'],
  run({ plan, hosts, routes, assets }) {
    const drafts = new Map<string, FindingDraft>();
    const judge = (ex: HttpExchange | undefined) => {
      if (!ex || drafts.has(ex.url) || !isSuccess(ex) || !TEXT.test(mediaType(ex))) return;
      const encoding = headerValue(ex, 'content-encoding');
      if (encoding && COMPRESSED.test(encoding)) return;
      const size = Math.max(ex.bodyBytes, Buffer.byteLength(ex.body));
      if (size <= THRESHOLD) return;
      const sent = encoding ? `Content-Encoding: ${encoding}` : 'no Content-Encoding';
      const bytes = `${size}${ex.truncated ? '+' : ''} bytes`;
      drafts.set(ex.url, { target: ex.url, evidence: `${ex.url}: ${mediaType(ex)}, ${bytes}, ${sent}`, ...routeKindAt(plan, ex.url) });
    };
    for (const r of routes) judge(finalResponse(r.chain));
    for (const h of hosts) judge(finalResponse(h.https));
    for (const a of assets) judge(a.exchange);
    return [...drafts.values()];
  },
});

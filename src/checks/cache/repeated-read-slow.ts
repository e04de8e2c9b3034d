import { browserLifetime, publiclyCacheable } from '../../analysis/cache-control.js';
import { headerValue, isSuccess } from '../../analysis/http-exchange.js';
import { defineCheck } from '../../core/check.js';
import { formatMs } from '../../latency/format.js';

/** Reads faster than this are not worth a cache. */
const SLOW_MS = 200;
/** A warm cache answers a repeat at least twice as fast as the first, cold read. */
const FASTER = 0.5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export default defineCheck({
  id: 'cache.repeated-read-slow',
  severity: 'medium',
  stage: 4,
  title: 'Repeated reads are fast or cacheable',
  failureTitle: 'A slow read endpoint is never cached',
  description:
    'Fetches each read endpoint (GET routes of kind `api`, such as order status or product lookup) five times in a row with the same ' +
    'request. Fails when the median read takes 200 ms or more, no repeat is at least twice as fast as the first, and the responses ' +
    'carry no validator (ETag, Last-Modified) and nothing that allows reuse (Cache-Control max-age or s-maxage, Expires, Age).',
  impact: 'Every customer asking "where is my order?", and the chatbot asking on their behalf, pays the full database cost again, so the endpoint slows down exactly when traffic peaks.',
  remediation:
    'Cache the result for a short time (30–300 s, keyed by the request’s input, e.g. order id and customer) in memory, Redis or at ' +
    'the edge with `Cache-Control: private, max-age=60`, add an ETag so clients can revalidate cheaply, and index the lookup query.',
  reference: 'https://www.rfc-editor.org/rfc/rfc9111#section-4.3',
  requires: ['readRepeats'],
  run({ plan, readRepeats }) {
    return readRepeats.flatMap((probe) => {
      const ok = probe.fetches.filter(isSuccess);
      if (ok.length < 3) return [];
      const times = ok.map((f) => f.timings.totalMs);
      if (median(times) < SLOW_MS || Math.min(...times.slice(1)) < times[0] * FASTER) return [];
      if (ok.some((f) => headerValue(f, 'etag') !== undefined || headerValue(f, 'last-modified') !== undefined || headerValue(f, 'age') !== undefined)) return [];
      if (ok.some((f) => browserLifetime(f, plan.now) > 0 || publiclyCacheable(f, plan.now) !== undefined)) return [];
      const cacheControl = headerValue(ok[ok.length - 1], 'cache-control');
      return [
        {
          target: probe.url,
          evidence:
            `${ok.length} identical GETs of ${probe.url} took ${times.map(formatMs).join(', ')}: none faster than the first, and no ETag, ` +
            `Last-Modified or caching header (Cache-Control: ${cacheControl ?? '(none)'})`,
          routeKind: probe.kind,
        },
      ];
    });
  },
});

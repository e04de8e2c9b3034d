import { finalResponse, headerValue } from '../../analysis/http-exchange.js';
import { defineCheck, type FindingDraft } from '../../core/check.js';
import type { RouteKind } from '../../core/finding.js';

/** Headers that tie a response to a server-side log line or trace. */
const TRACE_HEADERS = ['server-timing', 'traceparent', 'x-request-id', 'x-correlation-id', 'x-trace-id', 'x-amzn-trace-id'];
const TRACED_KINDS: ReadonlySet<RouteKind> = new Set(['api', 'chat', 'webhook']);

export default defineCheck({
  id: 'tracing.missing',
  severity: 'low',
  stage: 5,
  title: 'API and chat responses carry a trace or request id',
  failureTitle: 'API and chat responses carry no trace or request id',
  description:
    'Reads the answers of api, chat and webhook routes for a header that links them to server logs: Server-Timing, traceparent (W3C ' +
    'Trace Context), X-Request-Id, X-Correlation-Id, X-Trace-Id or X-Amzn-Trace-Id. One finding per route that has none.',
  impact:
    'When a customer reports a failed order or a wrong chatbot answer, nobody can find that request in the logs, so the bug takes days instead of minutes.',
  remediation:
    'Generate a request id per request (or propagate `traceparent` with OpenTelemetry), log it with every line, and return it as ' +
    '`X-Request-Id` (add `Server-Timing` for latency breakdowns).',
  reference: 'https://www.w3.org/TR/trace-context/',
  requires: ['routes'],
  run({ plan, routes }) {
    const drafts: FindingDraft[] = [];
    for (const spec of plan.routes.filter((r) => TRACED_KINDS.has(r.kind))) {
      const final = finalResponse(routes.find((r) => r.name === spec.name)?.chain);
      if (!final || TRACE_HEADERS.some((h) => headerValue(final, h) !== undefined)) continue;
      drafts.push({
        target: spec.url,
        evidence: `${spec.method} ${final.url} (${spec.kind} route "${spec.name}") -> ${final.status} with none of ${TRACE_HEADERS.join(', ')}`,
        routeKind: spec.kind,
      });
    }
    return drafts;
  },
});

import { defineCheck } from '../../core/check.js';
import type { RouteKind } from '../../core/finding.js';
import { describeModel } from '../../latency/describe.js';
import { formatMs } from '../../latency/format.js';

/** Slow answers on these routes lose a sale or a conversation outright. */
const REVENUE: readonly RouteKind[] = ['chat', 'checkout', 'login'];

export default defineCheck({
  id: 'latency.p95-over-budget',
  severity: 'medium',
  stage: 4,
  title: 'Key endpoints answer within their latency budgets',
  failureTitle: 'Latency over budget',
  description:
    'Benches every `latency.targets` entry that has a budget (for at most 10 s, at its configured rate; open model by default, so ' +
    'latency counts from each request’s intended send time and a stall cannot hide) and compares p50/p90/p95/p99/p99.9/max with the ' +
    'budget (`p95: 2000ms` means p95 < 2000 ms). The evidence carries the Server-Timing breakdown when the endpoint sends one. ' +
    'High on chat, checkout and login routes, medium elsewhere.',
  impact: 'Customers wait on the endpoints that matter most; a chat that stalls for seconds or an order page that crawls loses the sale and the trust.',
  remediation:
    'Look at the Server-Timing breakdown to see where the time goes: cache repeated reads (a 30–300 s TTL), index the queries behind slow ' +
    'lookups, put a timeout and a fallback on model calls, stream chat replies. Re-run `launch-ready bench --save-baseline` before and ' +
    '`--baseline` after each fix.',
  reference: 'https://www.scylladb.com/2021/04/22/on-coordinated-omission/',
  requires: ['latency'],
  run({ latency }) {
    return latency.flatMap((run) => {
      const failed = run.thresholds.filter((t) => t.threshold.metric !== 'errorRate' && !t.pass);
      if (failed.length === 0) return [];
      const over = failed.map((t) => (t.value === null ? `${t.text}: no successful response to measure` : `${t.threshold.metric} ${formatMs(t.value)} over budget ${t.text}`));
      const s = run.total;
      const breakdown = run.serverTiming.length > 0 ? `; Server-Timing p95: ${run.serverTiming.map((c) => `${c.name} ${formatMs(c.p95)}`).join(', ')}` : '';
      return [
        {
          target: run.url,
          evidence:
            `${run.method} ${run.url}: ${over.join('; ')} (p50 ${formatMs(s.p50)}, p95 ${formatMs(s.p95)}, p99 ${formatMs(s.p99)}, max ${formatMs(s.max)}; ` +
            `${run.requests} requests, ${describeModel(run.model, run.plannedDurationMs)})${breakdown}`,
          severity: REVENUE.includes(run.kind) ? 'high' : 'medium',
          routeKind: run.kind,
        },
      ];
    });
  },
});

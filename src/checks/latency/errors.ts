import { defineCheck } from '../../core/check.js';
import { formatPercent } from '../../latency/format.js';

/** Without an errorRate budget, this much failure is a finding: the roadmap's "error rate < 1 %". */
const DEFAULT_ERROR_RATE_PERCENT = 1;

export default defineCheck({
  id: 'latency.errors',
  severity: 'high',
  stage: 4,
  title: 'Key endpoints answer without errors under load',
  failureTitle: 'Requests fail under load',
  description:
    'Counts the failed requests of each budgeted latency target’s run: timeouts, refused or reset connections, TLS failures, ' +
    'answers over the byte cap, 4xx and 5xx statuses, and sends dropped because too many requests were outstanding. Fails when the ' +
    'error rate is not below the target’s `errorRate` budget, or 1 % without one.',
  impact: 'A share of customers get an error instead of an answer at ordinary traffic; under a launch spike that share grows.',
  remediation:
    'Read the error kinds: timeouts and dropped sends mean the endpoint cannot keep up (see its latency), 5xx mean it breaks (read ' +
    'its logs for the failing requests), connect and reset errors point at the host or its limits (connection caps, rate limits).',
  reference: 'https://sre.google/sre-book/monitoring-distributed-systems/#xref_monitoring_golden-signals',
  requires: ['latency'],
  run({ latency }) {
    return latency.flatMap((run) => {
      const budget = run.thresholds.find((t) => t.threshold.metric === 'errorRate');
      const failing = budget ? !budget.pass : run.errorRatePercent >= DEFAULT_ERROR_RATE_PERCENT;
      if (!failing || run.errors === 0) return [];
      const limit = budget ? budget.text : `errorRate < ${DEFAULT_ERROR_RATE_PERCENT}% (default)`;
      const kinds = Object.entries(run.errorKinds)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', ');
      const statuses = Object.entries(run.statusCounts)
        .map(([code, n]) => `${code}×${n}`)
        .join(' ');
      const sample = run.errorSamples[0] ? `; e.g. ${run.errorSamples[0]}` : '';
      return [
        {
          target: run.url,
          evidence: `${run.method} ${run.url}: ${run.errors} of ${run.requests} requests failed (${formatPercent(run.errorRatePercent)}, budget ${limit}): ${kinds}${statuses ? `; statuses ${statuses}` : ''}${sample}`,
          routeKind: run.kind,
        },
      ];
    });
  },
});

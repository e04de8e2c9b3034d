import { defineCheck } from '../../core/check.js';
import { formatDuration } from '../../report/plain-text.js';

export default defineCheck({
  id: 'timeout.missing',
  severity: 'high',
  stage: 4,
  title: 'The chat answers in time when its model provider hangs',
  failureTitle: 'The chat hangs with its model provider (no timeout)',
  description:
    'Sends one chat request with the fault-injection headers of `latency.hangHook` (which make the model provider hang, in the demo ' +
    'world or in a staging app that honours them) and fails when no answer, an error or a fallback, comes within the hook’s ' +
    '`within` (else the chat target’s largest latency budget, else 10 s). Without a hook it is reported as not checked.',
  impact: 'When the model provider slows down or hangs, and it will, every chat request hangs with it, holding connections until the whole site stalls.',
  remediation:
    'Put a timeout on every model-provider call (a few seconds below the chat budget, e.g. an AbortSignal or the SDK’s `timeout` ' +
    'option), then answer with a fallback ("I’m having trouble right now, a person will reply by email") or a 503 with Retry-After.',
  reference: 'https://aws.amazon.com/builders-library/timeouts-retries-and-backoff-with-jitter/',
  requires: ['hangProbes'],
  run({ hangProbes }) {
    return hangProbes.flatMap((probe) => {
      const ex = probe.exchange;
      const answered = ex.status !== undefined && !ex.error;
      if (answered && ex.timings.totalMs <= probe.withinMs) return [];
      const request = `${ex.method} ${probe.url} with ${probe.hookHeaders.join(', ')} (model provider made to hang)`;
      const outcome = answered
        ? `answered ${ex.status} only after ${formatDuration(ex.timings.totalMs)}, over its ${formatDuration(probe.withinMs)} budget`
        : `got no answer within ${formatDuration(probe.withinMs)} (gave up after ${formatDuration(probe.waitedMs)}${ex.error ? `: ${ex.error.code}` : ''})`;
      return [{ target: probe.url, evidence: `${request} ${outcome}`, routeKind: 'chat' }];
    });
  },
});

import { defineCheck } from '../../core/check.js';
import { formatMs } from '../../latency/format.js';

/** Growth smaller than this is noise whatever the factor (2 ms -> 9 ms is not a problem). */
const MIN_GROWTH_MS = 100;

export default defineCheck({
  id: 'latency.history-growth',
  severity: 'medium',
  stage: 4,
  title: 'Chat latency stays flat as a conversation grows',
  failureTitle: 'Chat gets slower as the conversation grows',
  description:
    'Holds one conversation with the chat (its body template must carry `{{sessionId}}`) and times it at 1, 10 and 50 turns ' +
    '(`latency.history.turns`): the turn itself, or the history endpoint `latency.history.url` read after it. Fails when the last ' +
    'point is more than `latency.history.factor` (3) times the first and at least 100 ms slower.',
  impact: 'Loyal customers with long conversations get the slowest answers, and the database work behind them grows until the chat times out.',
  remediation:
    'Index the conversation table by session id (and turn order) instead of scanning it, and send the model a bounded window of recent ' +
    'turns or a summary rather than the whole history.',
  reference: 'https://use-the-index-luke.com/sql/where-clause/searching-for-ranges/greater-less-between-tuning-sql-access-filter-predicates',
  requires: ['historyGrowth'],
  run({ historyGrowth }) {
    return historyGrowth.flatMap((probe) => {
      const timed = probe.points.filter((p) => p.exchange.status !== undefined && p.exchange.status < 400 && !p.exchange.error);
      if (timed.length < 2) return [];
      const first = timed[0];
      const last = timed[timed.length - 1];
      const growth = last.exchange.timings.totalMs / Math.max(first.exchange.timings.totalMs, 0.001);
      if (growth <= probe.factor || last.exchange.timings.totalMs - first.exchange.timings.totalMs < MIN_GROWTH_MS) return [];
      const series = timed.map((p) => `turn ${p.turn}: ${formatMs(p.exchange.timings.totalMs)}`).join(', ');
      const what = probe.measured === 'history' ? `reading ${probe.url} after each point` : `${probe.name} turns`;
      return [
        {
          target: probe.url,
          evidence: `${what} in one conversation — ${series}: ${growth.toFixed(1)}x slower at turn ${last.turn} than at turn ${first.turn} (limit ${probe.factor}x)`,
          routeKind: 'chat',
        },
      ];
    });
  },
});

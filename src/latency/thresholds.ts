/**
 * Latency budgets as thresholds: `p95 < 2000ms`, `p99 <= 5s`, `errorRate < 1%`. The config writes
 * them as a mapping (`budget: { p95: 2000ms }`, read as `p95 < 2000ms`), the command line as
 * `--p95 500ms` or `--budget "errorRate < 1%"`; both end up here.
 */
import { parseDuration, parsePercent } from '../config/units.js';
import { UsageError } from '../core/errors.js';
import type { LatencySummary } from './histogram.js';

export const LATENCY_METRICS = ['p50', 'p90', 'p95', 'p99', 'p999', 'max', 'mean'] as const;
export type LatencyMetric = (typeof LATENCY_METRICS)[number];
export type ThresholdMetric = LatencyMetric | 'errorRate';

export interface Threshold {
  metric: ThresholdMetric;
  /** `<` or `<=`: the measured value must stay below (or at) the limit. */
  op: '<' | '<=';
  /** Milliseconds for latency metrics, a percentage for errorRate. */
  limit: number;
}

export interface ThresholdResult {
  threshold: Threshold;
  /** As written back to the user, e.g. `p95 < 2000ms`. */
  text: string;
  /** null when nothing was measured (every request failed): a latency budget then fails. */
  value: number | null;
  pass: boolean;
}

/** The config's budget mapping, after the schema normalised it. */
export interface BudgetConfig {
  p50Ms?: number;
  p90Ms?: number;
  p95Ms?: number;
  p99Ms?: number;
  p999Ms?: number;
  maxMs?: number;
  errorRatePercent?: number;
}

const METRIC_ALIASES: Record<string, ThresholdMetric> = {
  ...Object.fromEntries(LATENCY_METRICS.map((m) => [m.toLowerCase(), m])),
  'p99.9': 'p999',
  errorrate: 'errorRate',
  'error-rate': 'errorRate',
  errors: 'errorRate',
};

const EXPRESSION = /^\s*([A-Za-z0-9.-]+)\s*(<=|<)\s*(\S.*?)\s*$/;

export function parseThreshold(text: string): Threshold {
  const m = EXPRESSION.exec(text);
  const metric = m ? METRIC_ALIASES[m[1].toLowerCase()] : undefined;
  if (!m || !metric) {
    throw new UsageError(
      'LR_BAD_THRESHOLD',
      `budget "${text}": expected METRIC < LIMIT, such as "p95 < 2000ms", "p99 <= 5s" or "errorRate < 1%" (metrics: ${[...LATENCY_METRICS, 'errorRate'].join(', ')}).`,
    );
  }
  const limit = metric === 'errorRate' ? parsePercent(m[3]) : parseDuration(/^\d+(\.\d+)?$/.test(m[3]) ? Number(m[3]) : m[3]);
  if (limit === undefined) {
    const expected = metric === 'errorRate' ? 'a percentage such as 1% or 0.5%' : 'a duration such as 500ms or 2s';
    throw new UsageError('LR_BAD_THRESHOLD', `budget "${text}": "${m[3]}" is not ${expected}.`);
  }
  return { metric, op: m[2] as Threshold['op'], limit };
}

export function formatThreshold(t: Threshold): string {
  return `${t.metric} ${t.op} ${t.limit}${t.metric === 'errorRate' ? '%' : 'ms'}`;
}

/** `budget: { p95: 2000ms, errorRate: 1% }` reads as `p95 < 2000ms`, `errorRate < 1%`. */
export function thresholdsFromBudget(budget: BudgetConfig | undefined): Threshold[] {
  if (!budget) return [];
  const pairs: Array<[ThresholdMetric, number | undefined]> = [
    ['p50', budget.p50Ms],
    ['p90', budget.p90Ms],
    ['p95', budget.p95Ms],
    ['p99', budget.p99Ms],
    ['p999', budget.p999Ms],
    ['max', budget.maxMs],
    ['errorRate', budget.errorRatePercent],
  ];
  return pairs.filter((p): p is [ThresholdMetric, number] => p[1] !== undefined).map(([metric, limit]) => ({ metric, op: '<', limit }));
}

/** Later thresholds on the same metric replace earlier ones (a flag overrides the config). */
export function mergeThresholds(...lists: Threshold[][]): Threshold[] {
  const byMetric = new Map<ThresholdMetric, Threshold>();
  for (const t of lists.flat()) byMetric.set(t.metric, t);
  return [...byMetric.values()];
}

export function evaluateThresholds(thresholds: readonly Threshold[], measured: { total: LatencySummary; errorRatePercent: number }): ThresholdResult[] {
  return thresholds.map((threshold) => {
    const text = formatThreshold(threshold);
    if (threshold.metric !== 'errorRate' && measured.total.count === 0) return { threshold, text, value: null, pass: false };
    const value = threshold.metric === 'errorRate' ? measured.errorRatePercent : measured.total[threshold.metric];
    const pass = threshold.op === '<' ? value < threshold.limit : value <= threshold.limit;
    return { threshold, text, value, pass };
  });
}

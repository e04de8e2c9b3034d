/** Literal latency-stage artifacts for check tables: sane defaults, override what matters. */
import type { HangProbe, HistoryGrowthProbe, ReadRepeatProbe } from '../../src/latency/audit/artifacts.js';
import type { LatencySummary } from '../../src/latency/histogram.js';
import type { TargetRun } from '../../src/latency/result.js';
import { evaluateThresholds, parseThreshold } from '../../src/latency/thresholds.js';
import { exchange, failedExchange } from '../helpers/artifacts.js';

export function summary(over: Partial<LatencySummary> = {}): LatencySummary {
  return { count: 100, min: 20, mean: 60, p50: 50, p90: 90, p95: 120, p99: 180, p999: 200, max: 210, ...over };
}

/** A finished open-model run of 100 requests; `budget` lists thresholds such as "p95 < 500ms", evaluated on the figures given. */
export function targetRun(over: Partial<TargetRun> & { budget?: string[] } = {}): TargetRun {
  const { budget = [], ...rest } = over;
  const run: TargetRun = {
    name: 'orders',
    url: 'https://api.acme.test/api/orders/1001',
    method: 'GET',
    kind: 'api',
    model: { kind: 'open', ratePerSecond: 10, connections: null },
    plannedDurationMs: 10_000,
    elapsedMs: 10_050,
    requestCap: null,
    capReached: false,
    requests: 100,
    errors: 0,
    errorRatePercent: 0,
    errorKinds: {},
    errorSamples: [],
    statusCounts: { 200: 100 },
    achievedRate: 9.9,
    ttfb: summary(),
    total: summary(),
    sends: { late: 0, lateThresholdMs: 2, p99LateMs: 0.4, maxLateMs: 0.9, dropped: 0 },
    serverTiming: [],
    thresholds: [],
    interrupted: false,
    ...rest,
  };
  run.thresholds = evaluateThresholds(budget.map(parseThreshold), run);
  return run;
}

/** Identical GETs taking the given times, each answered with `headers`. */
export function readProbe(url: string, timesMs: number[], headers: Record<string, string> = {}): ReadRepeatProbe {
  return {
    name: 'order status',
    url,
    kind: 'api',
    fetches: timesMs.map((ms) => exchange({ url, headers: { 'content-type': 'application/json', ...headers }, timings: { ttfbMs: ms - 1, totalMs: ms } })),
  };
}

/** A conversation timed at the given turns. */
export function historyProbe(points: Array<[turn: number, ms: number]>, over: Partial<HistoryGrowthProbe> = {}): HistoryGrowthProbe {
  const url = over.url ?? 'https://api.acme.test/api/chat';
  return {
    name: 'chat',
    measured: 'chat',
    url,
    factor: 3,
    points: points.map(([turn, ms]) => ({ turn, exchange: exchange({ url, method: 'POST', timings: { ttfbMs: ms, totalMs: ms } }) })),
    ...over,
  };
}

/** The chat's answer with the hang hook on: `ms` to a status, or no answer at all. */
export function hangProbe(answer: { status: number; ms: number } | 'none', withinMs = 10_000): HangProbe {
  const url = 'https://api.acme.test/api/chat';
  const ex =
    answer === 'none'
      ? { ...failedExchange(url, 'timeout', 'This operation was aborted'), method: 'POST', timings: { totalMs: withinMs + 2000 } }
      : exchange({ url, method: 'POST', status: answer.status, timings: { ttfbMs: answer.ms, totalMs: answer.ms } });
  return { name: 'chatbot', url, withinMs, hookHeaders: ['x-demo-fault'], waitedMs: withinMs + 2000, exchange: ex };
}

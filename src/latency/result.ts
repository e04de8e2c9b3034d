/** What one bench run of one target produced: plain data, printed as terminal, Markdown or JSON and saved as a baseline. */
import type { RouteKind } from '../core/finding.js';
import type { LatencySummary } from './histogram.js';
import type { ThresholdResult } from './thresholds.js';

export type LoadModel =
  | { kind: 'open'; ratePerSecond: number; /** null: a new connection whenever all are busy. */ connections: number | null }
  | { kind: 'closed'; connections: number };

/** Why a request did not count as a success. `dropped`: never sent, the in-flight cap was full at its intended time. */
export const ERROR_KINDS = ['timeout', 'connect', 'dns', 'tls', 'reset', 'too-large', '5xx', '4xx', 'dropped', 'other'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface ServerTimingComponent {
  name: string;
  /** Responses that reported it. */
  count: number;
  p50: number;
  p95: number;
}

export interface SendAccounting {
  /** Sends that left more than `lateThresholdMs` after their intended time (a busy or slow load generator). */
  late: number;
  lateThresholdMs: number;
  p99LateMs: number;
  maxLateMs: number;
  dropped: number;
}

export interface TargetRun {
  name: string;
  url: string;
  method: string;
  kind: RouteKind;
  model: LoadModel;
  plannedDurationMs: number;
  /** From the first send to the last request's end. */
  elapsedMs: number;
  /** Hard cap on requests; null when there is none. */
  requestCap: number | null;
  capReached: boolean;
  /** Requests sent, plus dropped sends. */
  requests: number;
  /** Requests that ended in a failure of any kind (network, HTTP 4xx/5xx, dropped). */
  errors: number;
  errorRatePercent: number;
  errorKinds: Partial<Record<ErrorKind, number>>;
  /** A few distinct failure messages, to start debugging from. */
  errorSamples: string[];
  statusCounts: Record<string, number>;
  /** Open model: requests sent per second over the span of the sends (the rate when none was late or dropped). Closed model: requests ended per second. */
  achievedRate: number;
  /** Time to the response headers; from the intended send time in the open model. A timeout counts at the moment it was given up. */
  ttfb: LatencySummary;
  /** Time to the last body byte; from the intended send time in the open model. A timeout counts at the moment it was given up. */
  total: LatencySummary;
  /** Open model only. */
  sends?: SendAccounting;
  serverTiming: ServerTimingComponent[];
  thresholds: ThresholdResult[];
  /** Set when run with --baseline and the baseline has this target. */
  regression?: RegressionResult;
  /** The run was interrupted (Ctrl-C) before its schedule ended. */
  interrupted: boolean;
}

export interface RegressionResult {
  baselineP95: number;
  currentP95: number;
  /** Worse by more than both tolerances. */
  regressed: boolean;
  tolerance: { percent: number; ms: number };
}

/** The whole `launch-ready bench` run. */
export interface BenchReport {
  tool: { name: 'launch-ready'; version: string };
  startedAt: string;
  targets: TargetRun[];
  /** Every failed budget and regression, one line each, naming threshold, value and budget. */
  failures: string[];
  baseline?: { file: string; savedAt: string; missing: string[] };
}

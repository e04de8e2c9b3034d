/**
 * Baselines: `--save-baseline FILE` keeps a run's figures, `--baseline FILE` compares a later run
 * with them. A target regresses when its p95 is worse by more than 20 % *and* by more than 50 ms:
 * the percentage alone would flag noise on fast endpoints (4 ms -> 6 ms), the absolute margin
 * alone would miss a slow endpoint doubling.
 */
import { parseDuration } from '../config/units.js';
import { UsageError } from '../core/errors.js';
import type { LatencySummary } from './histogram.js';
import type { RegressionResult, TargetRun } from './result.js';

export interface BaselineTarget {
  name: string;
  url: string;
  method: string;
  requests: number;
  errorRatePercent: number;
  total: LatencySummary;
  ttfb: LatencySummary;
}

export interface Baseline {
  kind: 'launch-ready-bench-baseline';
  version: 1;
  savedAt: string;
  targets: BaselineTarget[];
}

export interface Tolerance {
  percent: number;
  ms: number;
}

export const DEFAULT_TOLERANCE: Tolerance = { percent: 20, ms: 50 };

/** `--tolerance 10%,20ms`: either part may be left out (it keeps its default); `0ms` and `0%` are allowed. */
export function parseTolerance(text: string): Tolerance {
  const tolerance = { ...DEFAULT_TOLERANCE };
  const parts = text.split(/[\s,]+/).filter(Boolean);
  for (const part of parts) {
    const percent = /^(\d+(?:\.\d+)?)%$/.exec(part);
    const ms = /^0+(\.0+)?(ms|s)?$/.test(part) ? 0 : parseDuration(part);
    if (percent) tolerance.percent = Number(percent[1]);
    else if (ms !== undefined) tolerance.ms = ms;
    else throw new UsageError('LR_BAD_TOLERANCE', `--tolerance "${text}": "${part}" is neither a percentage (20%) nor a duration (50ms); e.g. --tolerance 10%,20ms.`);
  }
  if (parts.length === 0) throw new UsageError('LR_BAD_TOLERANCE', `--tolerance "${text}": expected a percentage and/or a duration, e.g. 10%,20ms.`);
  return tolerance;
}

export function toBaseline(runs: readonly TargetRun[], savedAt: Date): Baseline {
  return {
    kind: 'launch-ready-bench-baseline',
    version: 1,
    savedAt: savedAt.toISOString(),
    targets: runs.map((r) => ({ name: r.name, url: r.url, method: r.method, requests: r.requests, errorRatePercent: r.errorRatePercent, total: r.total, ttfb: r.ttfb })),
  };
}

export function parseBaseline(text: string, file: string): Baseline {
  let parsed: Partial<Baseline>;
  try {
    parsed = JSON.parse(text) as Partial<Baseline>;
  } catch {
    throw new UsageError('LR_BASELINE_INVALID', `--baseline ${file}: not JSON; it should be a file written by --save-baseline.`);
  }
  const ok = parsed.kind === 'launch-ready-bench-baseline' && Array.isArray(parsed.targets) && parsed.targets.every((t) => typeof t?.name === 'string' && typeof t.total?.p95 === 'number');
  if (!ok) throw new UsageError('LR_BASELINE_INVALID', `--baseline ${file}: not a baseline written by --save-baseline (version 1).`);
  return parsed as Baseline;
}

export function compareToBaseline(current: LatencySummary, baseline: LatencySummary, tolerance: Tolerance = DEFAULT_TOLERANCE): RegressionResult {
  const worseBy = current.p95 - baseline.p95;
  return {
    baselineP95: baseline.p95,
    currentP95: current.p95,
    regressed: worseBy > tolerance.ms && current.p95 > baseline.p95 * (1 + tolerance.percent / 100),
    tolerance: { ...tolerance },
  };
}

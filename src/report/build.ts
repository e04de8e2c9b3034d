/** Turns one audit's artifacts and check results into the report every format renders. */
import type { Artifacts } from '../core/artifacts.js';
import { SEVERITIES, type Severity } from '../core/finding.js';
import type { AuditPlan } from '../core/plan.js';
import { rankFindings } from '../core/rank.js';
import type { CheckRun } from '../core/runner.js';
import { buildMinimumBar } from './minimum-bar.js';
import { buildRouteMap } from './route-map.js';
import type { Report } from './types.js';
import { headlineOf, verdictOf } from './verdict.js';

export interface ReportInput {
  plan: AuditPlan;
  artifacts: Artifacts;
  run: CheckRun;
  startedAt: Date;
  durationMs: number;
  target: string;
  version: string;
}

export function buildReport(input: ReportInput): Report {
  const findings = rankFindings(input.run.findings, input.plan);
  const summary = Object.fromEntries(SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length])) as Record<Severity, number>;
  return {
    tool: { name: 'launch-ready', version: input.version },
    target: input.target,
    startedAt: input.startedAt.toISOString(),
    durationMs: Math.round(input.durationMs),
    verdict: verdictOf(summary, input.run.results),
    headline: headlineOf(summary, input.run.results),
    summary,
    minimumBar: buildMinimumBar(input.plan, input.run.results, findings),
    findings,
    routes: buildRouteMap(input.artifacts),
    checks: input.run.results,
  };
}

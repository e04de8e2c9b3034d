/** The report of a stage command (`secrets`, `env`): the audit's report shape, with only that stage's checks and minimum-bar items. */
import type { AnyCheck } from '../core/check.js';
import type { Artifacts } from '../core/artifacts.js';
import type { AuditPlan } from '../core/plan.js';
import { runChecks } from '../core/runner.js';
import { buildReport } from '../report/build.js';
import type { Report } from '../report/types.js';
import { VERSION } from '../version.js';

/** A plan for a command that audits a folder or a URL rather than a declared site. */
export function stagePlan(target: string, domain: string, now: Date): AuditPlan {
  return { product: target, domain, canonicalUrl: target, hosts: [], environments: [], routes: [], healthUrls: [], now: now.toISOString() };
}

/** Runs the checks whose artifacts were collected and builds the report; the minimum bar keeps `barItems`. */
export function stageReport(opts: { checks: readonly AnyCheck[]; artifacts: Artifacts; target: string; startedAt: Date; barItems: string[] }): Report {
  const ran = opts.checks.filter((c) => c.requires.every((name) => opts.artifacts[name] !== undefined));
  const run = runChecks(ran, opts.artifacts);
  const report = buildReport({
    plan: opts.artifacts.plan,
    artifacts: opts.artifacts,
    run,
    startedAt: opts.startedAt,
    durationMs: Date.now() - opts.startedAt.getTime(),
    target: opts.target,
    version: VERSION,
  });
  return { ...report, minimumBar: report.minimumBar.filter((item) => opts.barItems.includes(item.id)) };
}

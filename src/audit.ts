import { checks } from './checks/index.js';
import { collectAll } from './collect/collect-all.js';
import { createContext, silentProgress, type Progress } from './collect/context.js';
import type { Artifacts } from './core/artifacts.js';
import type { AuditPlan } from './core/plan.js';
import { runChecks } from './core/runner.js';
import type { NetworkSettings } from './net/settings.js';
import { buildReport } from './report/build.js';
import type { Report } from './report/types.js';
import { VERSION } from './version.js';

export interface AuditResult {
  artifacts: Artifacts;
  report: Report;
}

/**
 * One audit: collect every artifact (or take saved ones), run every check on them, build the
 * ranked report. Pass `replay` to re-run the checks on artifacts saved from an earlier run.
 */
export async function runAudit(opts: {
  plan: AuditPlan;
  settings: NetworkSettings;
  target: string;
  progress?: Progress;
  replay?: Artifacts;
}): Promise<AuditResult> {
  const startedAt = new Date();
  let artifacts: Artifacts;
  if (opts.replay) {
    artifacts = opts.replay;
  } else {
    const ctx = createContext(opts.plan, opts.settings, opts.progress ?? silentProgress);
    try {
      artifacts = await collectAll(ctx);
    } finally {
      ctx.progress.done();
      await ctx.http.close();
    }
  }
  const run = runChecks(checks, artifacts);
  const report = buildReport({
    plan: artifacts.plan,
    artifacts,
    run,
    startedAt,
    durationMs: Date.now() - startedAt.getTime(),
    target: opts.target,
    version: VERSION,
  });
  return { artifacts, report };
}

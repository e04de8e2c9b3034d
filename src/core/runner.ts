import type { ArtifactName, Artifacts, CollectedArtifacts } from './artifacts.js';
import type { AnyCheck, CheckInput, CheckResult } from './check.js';
import type { Finding } from './finding.js';

export interface CheckRun {
  results: CheckResult[];
  findings: Finding[];
}

/**
 * Runs each check on just the artifacts it declared. A missing or failed artifact, or a check that
 * throws, becomes an `error` result for that check; the other checks still run.
 */
export function runChecks(checks: readonly AnyCheck[], artifacts: Artifacts): CheckRun {
  const results: CheckResult[] = [];
  const findings: Finding[] = [];
  for (const check of checks) {
    const missing = check.requires.filter((name) => artifacts[name] === undefined || artifacts.errors?.[name]);
    if (missing.length > 0) {
      const why = missing.map((name) => artifacts.errors?.[name] ?? `${name} not collected`).join('; ');
      results.push({ id: check.id, status: 'error', error: why });
      continue;
    }
    const input = { plan: artifacts.plan } as CheckInput<ArtifactName>;
    for (const name of check.requires) (input as Record<string, unknown>)[name] = artifacts[name] as CollectedArtifacts[typeof name];
    try {
      const drafts = check.run(input);
      for (const d of drafts) {
        findings.push({
          id: check.id,
          severity: d.severity ?? check.severity,
          stage: check.stage,
          target: d.target,
          title: d.title ?? check.failureTitle,
          evidence: d.evidence,
          impact: d.impact ?? check.impact,
          remediation: d.remediation ?? check.remediation,
          reference: check.reference,
          ...(d.routeKind ? { routeKind: d.routeKind } : {}),
        });
      }
      results.push({ id: check.id, status: drafts.length > 0 ? 'fail' : 'pass' });
    } catch (err) {
      results.push({ id: check.id, status: 'error', error: `check crashed: ${(err as Error).message}` });
    }
  }
  return { results, findings };
}

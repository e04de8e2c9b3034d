import type { ArtifactName, Artifacts, CollectedArtifacts } from './artifacts.js';
import type { RouteKind, Severity, Stage } from './finding.js';
import type { AuditPlan } from './plan.js';

export interface CheckMeta {
  /** Stable public id, equal to the file path under src/checks (`tls/expired.ts` -> `tls.expired`). */
  id: string;
  /** Default severity; a finding may raise or lower it (e.g. expiring in 10 vs 25 days). */
  severity: Severity;
  stage: Stage;
  /** What a passing result means, e.g. "HSTS is sent". */
  title: string;
  /** What a failing result means, e.g. "HSTS is missing". */
  failureTitle: string;
  /** What the check looks at, for docs/checks.md. */
  description: string;
  /** Why it matters to the business, one sentence. */
  impact: string;
  remediation: string;
  reference: string;
  requires: readonly ArtifactName[];
}

/** What a check returns for each problem it sees; the runner fills in the rest from meta. */
export interface FindingDraft {
  target: string;
  evidence: string;
  severity?: Severity;
  title?: string;
  impact?: string;
  remediation?: string;
  routeKind?: RouteKind;
}

/** The artifacts a check declared, guaranteed present. */
export type CheckInput<R extends ArtifactName> = { plan: AuditPlan } & Pick<CollectedArtifacts, R>;

export interface Check<R extends ArtifactName = ArtifactName> extends CheckMeta {
  requires: readonly R[];
  run(input: CheckInput<R>): FindingDraft[];
}

/** Declares a check; the generic ties `run`'s input to the artifacts listed in `requires`. */
export function defineCheck<R extends ArtifactName>(check: CheckMeta & { requires: readonly R[]; run(input: CheckInput<R>): FindingDraft[] }): Check<R> {
  return check;
}

export type AnyCheck = Check<ArtifactName>;

export type CheckStatus = 'pass' | 'fail' | 'error';

export interface CheckResult {
  id: string;
  status: CheckStatus;
  /** Why the check could not run (missing artifact, exception). */
  error?: string;
}

export type { Artifacts };

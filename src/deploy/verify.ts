/**
 * `deploy verify`: smoke tests, the expected version on every address, edge facts unchanged from
 * the last good deploy, and the audit's checks for a findings diff against the previous deploy.
 * Everything that broke becomes one failure line naming the route, host or address; the outcome is
 * appended to the deploy log.
 */
import { checks } from '../checks/index.js';
import type { Progress } from '../collect/context.js';
import { severityAtLeast, type Finding, type Severity } from '../core/finding.js';
import type { AuditPlan } from '../core/plan.js';
import { runChecks } from '../core/runner.js';
import type { NetworkSettings } from '../net/settings.js';
import { collectDeploy } from './collect.js';
import { compareFacts, hostFacts } from './facts.js';
import { appendRecord, lastGood, lastOf, readLog } from './log.js';
import type { Actor, DeployRecord, RecordedFinding } from './record.js';
import { healthSmoke, routeSmoke } from './smoke.js';
import type { DeployTarget } from './target.js';
import { addressVersion, environmentNotes, verifyVersions } from './versions.js';

export interface VerifyOptions {
  plan: AuditPlan;
  target: DeployTarget;
  settings: NetworkSettings;
  progress: Progress;
  expected?: { value: string; from: 'flag' | 'git' };
  who: Actor;
  logFile: string;
  /** false: verify only, write nothing. */
  record: boolean;
  /** Take changed edge facts as the new baseline instead of failing on them. */
  acceptChanges: boolean;
  /** A finding new since the previous deploy at or above this severity fails verification. */
  failOnNew: Severity;
  now: Date;
}

function hostOfTarget(target: string): string {
  try {
    return new URL(target).hostname;
  } catch {
    return target;
  }
}

function recorded(findings: readonly Finding[], hosts: readonly string[]): RecordedFinding[] {
  const seen = new Set<string>();
  const out: RecordedFinding[] = [];
  for (const f of findings) {
    const key = `${f.id} ${f.target}`;
    if (seen.has(key) || !hosts.includes(hostOfTarget(f.target))) continue;
    seen.add(key);
    out.push({ id: f.id, severity: f.severity, target: f.target, title: f.title });
  }
  return out;
}

/** Findings in `now` and not in `before`, by check id and target. */
export function newFindings(before: readonly RecordedFinding[], now: readonly RecordedFinding[]): RecordedFinding[] {
  const known = new Set(before.map((f) => `${f.id} ${f.target}`));
  return now.filter((f) => !known.has(`${f.id} ${f.target}`));
}

export async function verifyDeploy(opts: VerifyOptions): Promise<{ record: DeployRecord; saved: boolean }> {
  const { target } = opts;
  const collected = await collectDeploy(opts.plan, target, opts.settings, opts.progress);
  const { artifacts } = collected;
  const run = runChecks(checks, artifacts);
  const findings = recorded(run.findings, target.hosts);

  const smoke = [...routeSmoke(target.routes, artifacts.routes ?? [], artifacts.hosts ?? [], opts.plan.now), ...healthSmoke(artifacts.health ?? []), ...collected.chat];
  const versions = (artifacts.versions ?? []).map(addressVersion);
  const otherVersions = collected.otherVersions.map(addressVersion);
  // A git HEAD can only be compared with endpoints that report a commit.
  const headUnusable = opts.expected?.from === 'git' && versions.length > 0 && versions.every((v) => !v.commit);
  const expected = headUnusable ? undefined : opts.expected;
  const verdict = verifyVersions(target.environment, versions, expected?.value);
  const facts = (artifacts.hosts ?? []).map(hostFacts);

  const log = await readLog(opts.logFile);
  const baseline = lastGood(log, target.environment);
  const previous = lastOf(log, target.environment);
  const changes = baseline ? compareFacts(baseline.facts, facts) : { changed: [], notes: [] };
  const added = previous ? newFindings(previous.findings, findings) : [];
  const resolved = previous ? newFindings(findings, previous.findings) : [];

  const failures = [
    ...smoke.filter((s) => !s.ok).map((s) => `${s.kind} ${s.name}: ${s.detail}`),
    ...verdict.failures,
    ...(opts.acceptChanges ? [] : changes.changed.map((c) => `changed since deploy #${baseline?.id}: ${c}`)),
    ...added.filter((f) => severityAtLeast(f.severity, opts.failOnNew)).map((f) => `new since deploy #${previous?.id}: ${f.id} (${f.severity}) on ${f.target}`),
  ];
  const notes = [
    ...(headUnusable ? ['the version endpoint reports no commit, so the git HEAD was not compared: pass --expect-version'] : []),
    ...verdict.notes,
    ...environmentNotes(target.environment, verdict.version, otherVersions),
    ...changes.notes,
    ...(opts.acceptChanges ? changes.changed.map((c) => `accepted as the new baseline: ${c}`) : []),
    ...Object.entries(artifacts.errors ?? {}).map(([name, why]) => `${name}: ${why}`),
  ];
  const record: Omit<DeployRecord, 'id'> = {
    environment: target.environment,
    ...(target.baseUrl ? { baseUrl: target.baseUrl } : {}),
    ...(verdict.version ? { version: verdict.version } : {}),
    ...(verdict.commit ? { commit: verdict.commit } : {}),
    expectedFrom: expected?.from ?? 'majority',
    timestamp: opts.now.toISOString(),
    who: opts.who,
    result: failures.length === 0 ? 'pass' : 'fail',
    failures,
    notes,
    smoke,
    versions,
    otherVersions,
    facts,
    findings,
    diff: { ...(previous ? { previous: previous.id } : {}), added, resolved },
    ...(opts.acceptChanges && changes.changed.length > 0 ? { acceptedChanges: true } : {}),
  };
  if (!opts.record) return { record: { id: 0, ...record }, saved: false };
  return { record: await appendRecord(opts.logFile, record), saved: true };
}

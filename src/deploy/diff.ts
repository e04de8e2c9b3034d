/** `deploy diff A B`: what changed between two recorded deploys, B taken as the later one. */
import { compareFacts } from './facts.js';
import type { DeployRecord, RecordedFinding } from './record.js';
import { versionLabel } from './versions.js';
import { newFindings } from './verify.js';

export interface LatencyChange {
  smoke: string;
  beforeMs: number;
  afterMs: number;
}

export interface DeployDiff {
  from: DeployRecord;
  to: DeployRecord;
  version: { before: string; after: string } | undefined;
  result: { before: DeployRecord['result']; after: DeployRecord['result'] } | undefined;
  failuresAdded: string[];
  failuresFixed: string[];
  findingsAdded: RecordedFinding[];
  findingsResolved: RecordedFinding[];
  /** Edge facts that changed (certificate issuer, redirects, CDN), and renewals. */
  facts: string[];
  latency: LatencyChange[];
}

export function diffDeploys(from: DeployRecord, to: DeployRecord): DeployDiff {
  const [before, after] = [versionLabel(from), versionLabel(to)];
  const changes = compareFacts(from.facts, to.facts);
  const timings = new Map(from.smoke.filter((s) => s.totalMs !== undefined).map((s) => [`${s.kind} ${s.name}`, s.totalMs as number]));
  const latency: LatencyChange[] = [];
  for (const s of to.smoke) {
    const was = timings.get(`${s.kind} ${s.name}`);
    if (was !== undefined && s.totalMs !== undefined) latency.push({ smoke: `${s.kind} ${s.name}`, beforeMs: was, afterMs: s.totalMs });
  }
  return {
    from,
    to,
    version: before !== after ? { before, after } : undefined,
    result: from.result !== to.result ? { before: from.result, after: to.result } : undefined,
    failuresAdded: to.failures.filter((f) => !from.failures.includes(f)),
    failuresFixed: from.failures.filter((f) => !to.failures.includes(f)),
    findingsAdded: newFindings(from.findings, to.findings),
    findingsResolved: newFindings(to.findings, from.findings),
    facts: [...changes.changed, ...changes.notes],
    latency,
  };
}

/**
 * Version verification: every address of every host of the environment must run the expected
 * release. A single stale node behind a name serves the old code to a share of customers, and only
 * a probe pinned to each address sees it (`collectVersions` pins them).
 */
import type { VersionProbe } from '../core/artifacts.js';
import type { AddressVersion } from './record.js';
import { compareVersions } from './semver.js';

export function addressVersion(p: VersionProbe): AddressVersion {
  const v: AddressVersion = { environment: p.environment, host: p.host, address: p.address };
  if (p.version) v.version = p.version;
  if (p.commit) v.commit = p.commit;
  if (p.reportedEnvironment) v.reportedEnvironment = p.reportedEnvironment;
  if (!p.version && !p.commit) v.problem = p.exchange.error ? `${p.exchange.error.code}: ${p.exchange.error.message}` : `status ${p.exchange.status}`;
  return v;
}

/** `1.4.2 (3f9c21e)`. */
export function versionLabel(v: Pick<AddressVersion, 'version' | 'commit'>): string {
  const commit = v.commit?.slice(0, 7);
  if (v.version) return commit ? `${v.version} (${commit})` : v.version;
  return commit ?? 'nothing';
}

/** A version or a commit (full, or a prefix of 7+ characters either way) is the expected one. */
export function matchesExpected(v: Pick<AddressVersion, 'version' | 'commit'>, expected: string): boolean {
  if (v.version === expected || v.commit === expected) return true;
  return v.commit !== undefined && expected.length >= 7 && v.commit.length >= 7 && (v.commit.startsWith(expected) || expected.startsWith(v.commit));
}

/** The label most addresses report; ties go to the first seen. */
function majority(versions: readonly AddressVersion[]): AddressVersion | undefined {
  const counts = new Map<string, { v: AddressVersion; n: number }>();
  for (const v of versions) {
    if (v.problem) continue;
    const key = versionLabel(v);
    const entry = counts.get(key) ?? { v, n: 0 };
    entry.n++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.v;
}

export interface VersionVerdict {
  failures: string[];
  notes: string[];
  version?: string;
  commit?: string;
}

/**
 * Failures name the host and address. Without an expectation the majority is taken as the deploy
 * and the others are reported as stragglers; with no version endpoint at all that is only a note,
 * unless a version was expected.
 */
export function verifyVersions(environment: string, versions: readonly AddressVersion[], expected: string | undefined): VersionVerdict {
  const failures: string[] = [];
  const notes: string[] = [];
  if (versions.length === 0 || versions.every((v) => v.problem)) {
    const why = `no address of ${environment} reports a version (add a version endpoint: config \`version.path\`)`;
    (expected ? failures : notes).push(why);
    return { failures, notes, ...(expected ? { version: expected } : {}) };
  }
  const reference = expected === undefined ? majority(versions) : undefined;
  for (const v of versions) {
    const where = `${v.host} @ ${v.address}`;
    if (v.problem) {
      failures.push(`${where}: no version reported (${v.problem})`);
      continue;
    }
    if (expected !== undefined && !matchesExpected(v, expected)) failures.push(`${where} runs ${versionLabel(v)}, expected ${expected}`);
    if (reference && versionLabel(v) !== versionLabel(reference)) failures.push(`${where} runs ${versionLabel(v)} while the others run ${versionLabel(reference)}`);
    if (v.reportedEnvironment && v.reportedEnvironment !== environment) failures.push(`${where} says it is the "${v.reportedEnvironment}" deployment, not "${environment}"`);
  }
  const deployed = reference ?? versions.find((v) => expected !== undefined && matchesExpected(v, expected));
  return {
    failures,
    notes,
    ...(deployed?.version ? { version: deployed.version } : expected && !deployed ? { version: expected } : {}),
    ...(deployed?.commit ? { commit: deployed.commit } : {}),
  };
}

/** "staging runs 1.5.0-rc.1, ahead of production 1.4.2": what is not released yet, or what lags behind. */
export function environmentNotes(environment: string, version: string | undefined, others: readonly AddressVersion[]): string[] {
  if (!version) return [];
  const notes: string[] = [];
  for (const env of [...new Set(others.map((o) => o.environment))]) {
    if (env === environment) continue;
    const theirs = majority(others.filter((o) => o.environment === env));
    if (!theirs?.version) continue;
    const order = compareVersions(theirs.version, version);
    if (order === 1) notes.push(`${env} runs ${versionLabel(theirs)}, ahead of ${environment} ${version}: not released yet`);
    if (order === -1) notes.push(`${env} runs ${versionLabel(theirs)}, behind ${environment} ${version}`);
  }
  return notes;
}

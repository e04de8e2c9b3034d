/**
 * The secrets stage end to end, for the CLI and the audit: the working tree, the git history and
 * the deployed frontend, each turned into its artifact with matches redacted, optionally verified,
 * and suppressed by the ignore file and the baseline.
 */
import { posix } from 'node:path';
import type { FrontendSecretScan, HistorySecretScan, RepoSecretScan } from './artifact.js';
import type { Ruleset } from './engine.js';
import { toSecretMatches, type Placement } from './matches.js';
import { valueHash } from './redact.js';
import { crawlFrontend, type CrawlOptions, type Fetcher, type Finisher } from './sources/frontend.js';
import { scanHistory } from './sources/history.js';
import { scanWorkingTree } from './sources/working-tree.js';
import { applySuppression, type Suppression } from './suppression.js';
import type { Commit, RawMatch, Verification } from './types.js';
import type { Verifier } from './verify.js';

/** Files above this are generated data, not code a person wrote a key into. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export const NO_SUPPRESSION: Suppression = { ignore: new Set(), baseline: new Set() };

/** Redacts a document's matches, asking the verifier first when there is one. */
export function makeFinisher(verifier?: Verifier): Finisher {
  return async (raw: RawMatch[], at: Placement) => {
    if (!verifier) return toSecretMatches(raw, at);
    const verdicts = new Map<RawMatch, Verification | undefined>();
    await Promise.all(raw.map(async (m) => verdicts.set(m, await verifier(m))));
    return toSecretMatches(raw, at, (m) => verdicts.get(m));
  };
}

export interface RepositoryScanOptions {
  /** Folders or files as the user gave them, resolved against `cwd`. */
  paths: string[];
  cwd: string;
  history: boolean;
  /** A commit: only files changed since it, and only the history after it (CI on a change). */
  since?: string;
  maxFileBytes?: number;
  suppression?: Suppression;
  verifier?: Verifier;
  ruleset?: Ruleset;
}

const secretKey = (ruleId: string, hash: string) => `${ruleId}\0${hash}`;

export async function scanRepository(opts: RepositoryScanOptions): Promise<{ repo: RepoSecretScan; history?: HistorySecretScan }> {
  const finish = makeFinisher(opts.verifier);
  const suppression = opts.suppression ?? NO_SUPPRESSION;
  const maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const repo: RepoSecretScan = { roots: [], matches: [], suppressed: { inline: 0, ignoreFile: 0, baseline: 0 } };
  for (const given of opts.paths) {
    const target = posix.resolve(opts.cwd, given);
    const tree = await scanWorkingTree(target, { maxFileBytes, ruleset: opts.ruleset, since: opts.since });
    repo.roots.push({ root: given, git: tree.git, files: tree.files, bytes: tree.bytes, skipped: tree.skipped });
    repo.suppressed.inline += tree.allowed;
    const singleFile = tree.root !== target;
    for (const hit of tree.hits) {
      const location = singleFile ? given : given === '.' || given === '' ? hit.path : posix.join(given, hit.path);
      repo.matches.push(...(await finish(hit.matches, { source: 'repo', location, place: hit.path })));
    }
  }

  let history: HistorySecretScan | undefined;
  if (opts.history) {
    const scanned = await scanHistory(posix.resolve(opts.cwd, opts.paths[0] ?? '.'), { maxFileBytes, ruleset: opts.ruleset, since: opts.since });
    history = { repository: scanned.repoRoot, commits: scanned.commits, blobs: scanned.blobs, bytes: scanned.bytes, matches: [], suppressed: { inline: scanned.allowed, ignoreFile: 0, baseline: 0 } };
    const introducedBy = new Map<string, Commit>();
    for (const hit of scanned.hits) {
      introducedBy.set(secretKey(hit.raw.ruleId, valueHash(hit.raw.value)), hit.introduced);
      const [m] = await finish([hit.raw], { source: 'history', location: hit.path, place: hit.path });
      history.matches.push({ ...m, introduced: hit.introduced, inHead: hit.inHead, ...(hit.versions > 1 ? { note: [m.note, `in ${hit.versions} versions of files`].filter(Boolean).join('; ') } : {}) });
    }
    // A secret still in the working tree shows when it was committed.
    repo.matches = repo.matches.map((m) => {
      const commit = introducedBy.get(secretKey(m.ruleId, m.valueHash));
      return commit ? { ...m, introduced: commit } : m;
    });
    const h = applySuppression(history.matches, suppression);
    history.matches = h.kept;
    history.suppressed.ignoreFile = h.ignoreFile;
    history.suppressed.baseline = h.baseline;
  }
  const r = applySuppression(repo.matches, suppression);
  repo.matches = r.kept;
  repo.suppressed.ignoreFile = r.ignoreFile;
  repo.suppressed.baseline = r.baseline;
  return { repo, ...(history ? { history } : {}) };
}

export interface FrontendScanOptions extends Omit<CrawlOptions, 'finish'> {
  suppression?: Suppression;
  verifier?: Verifier;
}

export async function scanFrontend(http: Fetcher, opts: FrontendScanOptions): Promise<FrontendSecretScan> {
  const scan = await crawlFrontend(http, { ...opts, finish: makeFinisher(opts.verifier) });
  const { kept, ignoreFile, baseline } = applySuppression(scan.matches, opts.suppression ?? NO_SUPPRESSION);
  return { ...scan, matches: kept, suppressed: { ...scan.suppressed, ignoreFile, baseline } };
}

/**
 * The git history scan: every blob reachable from any ref, each scanned once, each secret reported
 * once with the commit, author and date that first introduced it and whether HEAD still holds it.
 *
 * Two streams, no process per blob: `git log --all --reverse --topo-order --raw` names every blob
 * the first time a commit adds or changes it (merges diffed against their first parent, so a
 * secret introduced while resolving a merge is not missed), then `git cat-file --batch` streams
 * those blobs' contents in the same order. Parents come before children, so the first blob found
 * holding a secret belongs to the commit that introduced it.
 */
import { spawn } from 'node:child_process';
import { scanText, type Ruleset } from '../engine.js';
import { hasBinaryExtension, isBinaryContent, isLockfile, isVendored, styleOf } from '../file-kind.js';
import type { Commit, RawMatch } from '../types.js';
import { BatchReader } from './batch-reader.js';
import { git, GitError, nulList } from './git.js';

export interface HistoryOptions {
  maxFileBytes: number;
  ruleset?: Ruleset;
  /** A commit: only the commits after it (`since..HEAD`) are read, instead of every ref's. */
  since?: string;
}

export interface HistoryHit {
  raw: RawMatch;
  path: string;
  introduced: Commit;
  inHead: boolean;
  /** Blobs (file versions) that hold the same secret. */
  versions: number;
}

export interface HistoryScan {
  repoRoot: string;
  commits: number;
  blobs: number;
  bytes: number;
  hits: HistoryHit[];
  /** Matches dropped by a `launch-ready:allow` comment. */
  allowed: number;
}

interface BlobIntro {
  path: string;
  commit: Commit;
}

const ZERO_SHA = /^0+$/;

/** Blobs in HEAD's tree; empty for a repository without commits. */
async function headBlobs(repoRoot: string): Promise<Set<string>> {
  try {
    const entries = nulList(await git(repoRoot, ['ls-tree', '-r', '-z', 'HEAD']));
    return new Set(entries.map((e) => e.split('\t')[0].split(' ')[2]));
  } catch {
    return new Set();
  }
}

/** Streams `git log` and returns, in first-seen order, every scannable blob with the commit that introduced it. */
function introducedBlobs(repoRoot: string, since?: string): Promise<{ blobs: Map<string, BlobIntro>; commits: number }> {
  const range = since ? [`${since}..HEAD`] : ['--all'];
  const args = ['-c', 'core.quotePath=false', 'log', ...range, '--reverse', '--topo-order', '--raw', '--no-renames', '--no-abbrev', '--diff-merges=first-parent', '-z', '--format=%x01%H%x00%an <%ae>%x00%aI'];
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const blobs = new Map<string, BlobIntro>();
    let commits = 0;
    let rest = '';
    let stderr = '';
    const record = (text: string) => {
      const fields = text.split('\0');
      if (fields.length < 3) return;
      commits++;
      const commit: Commit = { sha: fields[0], author: fields[1], date: fields[2] };
      for (let i = 3; i < fields.length - 1; i++) {
        const meta = fields[i].trim();
        if (!meta.startsWith(':')) continue;
        const path = fields[++i];
        const [, mode, , sha, status] = meta.split(' ');
        // Submodules (160000) are commits, symlinks (120000) hold a path; deletions add nothing.
        if (!mode || mode === '160000' || mode === '120000' || status.startsWith('D') || ZERO_SHA.test(sha)) continue;
        if (blobs.has(sha) || isVendored(path) || hasBinaryExtension(path)) continue;
        blobs.set(sha, { path, commit });
      }
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\x01');
      rest = parts.pop() ?? '';
      for (const p of parts) record(p);
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', (e) => reject(new GitError(`git log: ${e.message}`)));
    child.on('close', (code) => {
      record(rest);
      // A repository without any commit has no history to scan.
      if (code === 0 || /does not have any commits/.test(stderr)) resolve({ blobs, commits });
      else reject(new GitError(`git log: ${stderr.trim() || `exit ${code}`}`));
    });
  });
}

/** Streams the blobs' contents through `git cat-file --batch` and calls `onBlob` for each, in order. */
function readBlobs(repoRoot: string, shas: string[], onBlob: (sha: string, content: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    const reader = new BatchReader((o) => onBlob(o.sha, o.content));
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => reader.push(c));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', (e) => reject(new GitError(`git cat-file: ${e.message}`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new GitError(`git cat-file: ${stderr.trim() || `exit ${code}`}`))));
    child.stdin.on('error', () => undefined);
    child.stdin.end(shas.length > 0 ? `${shas.join('\n')}\n` : '');
  });
}

export async function scanHistory(dir: string, opts: HistoryOptions): Promise<HistoryScan> {
  const repoRoot = (await git(dir, ['rev-parse', '--show-toplevel'])).toString().trim();
  const [head, { blobs, commits }] = await Promise.all([headBlobs(repoRoot), introducedBlobs(repoRoot, opts.since)]);
  const bySecret = new Map<string, HistoryHit>();
  let scanned = 0;
  let bytes = 0;
  let allowed = 0;
  await readBlobs(repoRoot, [...blobs.keys()], (sha, content) => {
    const intro = blobs.get(sha);
    if (!intro || content.length > opts.maxFileBytes || isBinaryContent(content)) return;
    scanned++;
    bytes += content.length;
    const result = scanText(content.toString('utf8'), { path: intro.path, style: styleOf(intro.path), lockfile: isLockfile(intro.path) }, opts.ruleset);
    allowed += result.allowed;
    for (const raw of result.matches) {
      const key = `${raw.ruleId}\0${raw.value}`;
      const known = bySecret.get(key);
      if (known) {
        known.versions++;
        known.inHead ||= head.has(sha);
      } else bySecret.set(key, { raw, path: intro.path, introduced: intro.commit, inHead: head.has(sha), versions: 1 });
    }
  });
  return { repoRoot, commits, blobs: scanned, bytes, hits: [...bySecret.values()], allowed };
}

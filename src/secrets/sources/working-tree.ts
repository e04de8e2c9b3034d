/**
 * The working-tree scan: the files git would consider (tracked, plus untracked ones not ignored),
 * or, outside a git work tree, a walk that honours .gitignore files. Vendored folders, binary
 * files and files above the size cap are skipped and counted.
 */
import { open, readdir, readFile, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import pLimit from 'p-limit';
import { scanText, type Ruleset } from '../engine.js';
import { hasBinaryExtension, isBinaryContent, isLockfile, isVendored, styleOf } from '../file-kind.js';
import type { RawMatch } from '../types.js';
import { git, GitError, nulList, workTreeTop } from './git.js';
import { isIgnored, parseIgnoreFile, type IgnoreRule } from './ignore-rules.js';

export interface TreeOptions {
  maxFileBytes: number;
  ruleset?: Ruleset;
  /** A commit: only files changed since it (committed, staged or not) and untracked ones are scanned. */
  since?: string;
}

export interface TreeFileHits {
  /** Relative to the scan root, with `/`. */
  path: string;
  matches: RawMatch[];
}

export interface TreeScan {
  /** The scanned folder, absolute. */
  root: string;
  /** Whether the listing came from git (so .gitignore was applied by git itself). */
  git: boolean;
  files: number;
  bytes: number;
  skipped: { vendored: number; binary: number; tooLarge: number; unreadable: number };
  hits: TreeFileHits[];
  allowed: number;
}

const toPosix = (p: string) => p.split(sep).join('/');

/** Walks `root` without git, applying each folder's .gitignore below the ones above it. */
async function walk(root: string, skipped: TreeScan['skipped']): Promise<string[]> {
  const files: string[] = [];
  const visit = async (dir: string, rules: IgnoreRule[]) => {
    const entries = await readdir(join(root, dir), { withFileTypes: true }).catch(() => []);
    const local = entries.find((e) => e.isFile() && e.name === '.gitignore');
    const here = local ? [...rules, ...parseIgnoreFile(await readFile(join(root, dir, '.gitignore'), 'utf8').catch(() => ''), dir)] : rules;
    for (const e of entries) {
      const rel = dir ? `${dir}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (isVendored(rel)) skipped.vendored++;
        else if (!isIgnored(here, rel, true)) await visit(rel, here);
      } else if (e.isFile() && !isIgnored(here, rel, false)) files.push(rel);
    }
  };
  await visit('', []);
  return files;
}

/** Root-relative paths of files changed between `since` and the working tree (deletions left out), plus untracked ones. */
async function changedFiles(root: string, since: string): Promise<string[]> {
  const [changed, untracked] = await Promise.all([
    git(root, ['diff', '--name-only', '-z', '--relative', '--diff-filter=d', since, '--']),
    git(root, ['ls-files', '-z', '--others', '--exclude-standard']),
  ]);
  return [...new Set([...nulList(changed), ...nulList(untracked)])];
}

/**
 * Root-relative paths of the files to consider: git's view when `root` is in a work tree (only the
 * changed ones with `since`), else a walk.
 */
export async function listTreeFiles(root: string, skipped: TreeScan['skipped'], since?: string): Promise<{ git: boolean; files: string[] }> {
  if (await workTreeTop(root)) {
    if (since) return { git: true, files: await changedFiles(root, since) };
    // Run in `root`: ls-files then lists that folder's files, relative to it.
    return { git: true, files: nulList(await git(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard'])) };
  }
  if (since) throw new GitError(`${root} is not in a git work tree: there is no change to narrow the scan to`);
  return { git: false, files: await walk(root, skipped) };
}

/** One open, one fstat, one read: the size is checked on the open file rather than with a separate stat. */
async function readCapped(path: string, max: number): Promise<Buffer | 'too-large' | undefined> {
  let file: FileHandle | undefined;
  try {
    file = await open(path, 'r');
    const info = await file.stat();
    if (!info.isFile()) return undefined;
    if (info.size > max) return 'too-large';
    return await file.readFile();
  } catch {
    return undefined;
  } finally {
    await file?.close();
  }
}

/** Scans a folder, or a single file (then its folder is the root). */
export async function scanWorkingTree(target: string, opts: TreeOptions): Promise<TreeScan> {
  const skipped = { vendored: 0, binary: 0, tooLarge: 0, unreadable: 0 };
  const info = await stat(target);
  const root = info.isDirectory() ? target : dirname(target);
  const listing = info.isDirectory() ? await listTreeFiles(root, skipped, opts.since) : { git: Boolean(await workTreeTop(root)), files: [basename(target)] };
  const scan: TreeScan = { root, git: listing.git, files: 0, bytes: 0, skipped, hits: [], allowed: 0 };
  const limit = pLimit(16);
  await Promise.all(
    listing.files.map((rel) =>
      limit(async () => {
        if (isVendored(rel)) return void skipped.vendored++;
        if (hasBinaryExtension(rel)) return void skipped.binary++;
        const content = await readCapped(join(root, rel), opts.maxFileBytes);
        if (content === undefined) return void skipped.unreadable++;
        if (content === 'too-large') return void skipped.tooLarge++;
        if (isBinaryContent(content)) return void skipped.binary++;
        scan.files++;
        scan.bytes += content.length;
        const path = toPosix(rel);
        const result = scanText(content.toString('utf8'), { path, style: styleOf(path), lockfile: isLockfile(path) }, opts.ruleset);
        scan.allowed += result.allowed;
        if (result.matches.length > 0) scan.hits.push({ path, matches: result.matches });
      }),
    ),
  );
  scan.hits.sort((a, b) => a.path.localeCompare(b.path));
  return scan;
}

/** Root-relative paths git tracks under `root`, or undefined outside a work tree (for `env.file-committed`). */
export async function trackedFiles(root: string): Promise<Set<string> | undefined> {
  if (!(await workTreeTop(root))) return undefined;
  return new Set(nulList(await git(root, ['ls-files', '-z', '--cached'])).map(toPosix));
}

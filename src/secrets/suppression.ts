/**
 * Suppression the way teams work: `launch-ready:allow` comments (applied while scanning), a
 * `.launch-ready-ignore` file of fingerprints for accepted findings, and a baseline (any earlier
 * report of `launch-ready secrets`, or a list of fingerprints) so only new findings fail CI.
 */
import { readFile } from 'node:fs/promises';
import { UsageError } from '../core/errors.js';
import { FINGERPRINT } from './redact.js';
import type { SecretMatch } from './types.js';

/** Fingerprints in any text: an ignore file (`lr1-… # reason`), a JSON, SARIF or Markdown report. */
export function fingerprintsIn(text: string): Set<string> {
  return new Set(text.match(FINGERPRINT) ?? []);
}

/** The ignore file's fingerprints; a missing file is an empty list. */
export async function readIgnoreFile(path: string): Promise<Set<string>> {
  try {
    const text = await readFile(path, 'utf8');
    // Only the part of each line before a comment counts, so a reason may mention another fingerprint.
    return fingerprintsIn(text.split(/\r?\n/).map((l) => l.replace(/#.*/, '')).join('\n'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw new UsageError('LR_IGNORE_UNREADABLE', `${path}: cannot read the ignore file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
}

export async function readBaseline(path: string): Promise<Set<string>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UsageError('LR_BASELINE_UNREADABLE', `--baseline ${path}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
  const found = fingerprintsIn(text);
  if (found.size === 0 && !/"findings"\s*:\s*\[\s*\]/.test(text)) {
    throw new UsageError('LR_BASELINE_EMPTY', `--baseline ${path}: no fingerprints (lr1-…) in it. Write one with \`launch-ready secrets --format json > ${path}\`.`);
  }
  return found;
}

export interface Suppression {
  ignore: Set<string>;
  baseline: Set<string>;
}

/** Splits matches into those to report and the counts set aside by the ignore file and the baseline. */
export function applySuppression(matches: SecretMatch[], s: Suppression): { kept: SecretMatch[]; ignoreFile: number; baseline: number } {
  let ignoreFile = 0;
  let baseline = 0;
  const kept: SecretMatch[] = [];
  for (const m of matches) {
    if (s.ignore.has(m.fingerprint)) ignoreFile++;
    else if (s.baseline.has(m.fingerprint)) baseline++;
    else kept.push(m);
  }
  return { kept, ignoreFile, baseline };
}

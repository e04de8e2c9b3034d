/**
 * The deploy log: one JSON record per line, appended, never rewritten, so concurrent CI jobs and a
 * crash mid-write cost at most the line being written (a torn last line is skipped on read).
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { DeployRecord } from './record.js';

export const DEFAULT_LOG = '.launch-ready/deploys.jsonl';

function isRecord(value: unknown): value is DeployRecord {
  const r = value as DeployRecord | null;
  return r !== null && typeof r === 'object' && typeof r.id === 'number' && typeof r.environment === 'string' && (r.result === 'pass' || r.result === 'fail');
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw new UsageError('LR_DEPLOY_LOG_UNREADABLE', `${file}: cannot read the deploy log (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
}

function parseLog(text: string): DeployRecord[] {
  const records: DeployRecord[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const parsed = JSON.parse(line) as unknown;
      if (isRecord(parsed)) records.push(parsed);
    } catch {
      // a torn line from an interrupted write: the records around it still count
    }
  }
  return records;
}

/** Every readable record, oldest first; a missing log is an empty one. */
export async function readLog(file: string): Promise<DeployRecord[]> {
  return parseLog(await readText(file));
}

/** Appends the record with the next id and returns it; a torn last line is ended first so it spoils only itself. */
export async function appendRecord(file: string, record: Omit<DeployRecord, 'id'>): Promise<DeployRecord> {
  const text = await readText(file);
  const full: DeployRecord = { id: (parseLog(text).at(-1)?.id ?? 0) + 1, ...record };
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, `${text !== '' && !text.endsWith('\n') ? '\n' : ''}${JSON.stringify(full)}\n`, 'utf8');
  return full;
}

/** The latest passing deploy of an environment: the baseline edge facts are compared with. */
export function lastGood(records: readonly DeployRecord[], environment: string): DeployRecord | undefined {
  return records.findLast((r) => r.environment === environment && (r.result === 'pass' || r.acceptedChanges));
}

export function lastOf(records: readonly DeployRecord[], environment: string): DeployRecord | undefined {
  return records.findLast((r) => r.environment === environment);
}

/**
 * A record by reference: its id (`3`), `last`, or `last~N` (N deploys before the last, as in git).
 * The message lists what exists, so a typo is fixed in one go.
 */
export function findRecord(records: readonly DeployRecord[], ref: string): DeployRecord {
  const last = records.at(-1);
  const back = /^(?:last|latest)(?:~(\d+))?$/.exec(ref);
  const found = back ? records.at(-1 - Number(back[1] ?? 0)) : /^\d+$/.test(ref) ? records.find((r) => r.id === Number(ref)) : undefined;
  if (found) return found;
  const known = last ? `deploys 1 to ${last.id} are recorded (also: last, last~1)` : 'no deploy is recorded yet (run `launch-ready deploy verify`)';
  throw new UsageError('LR_DEPLOY_NOT_FOUND', `No deploy "${ref}" in the log: ${known}.`);
}

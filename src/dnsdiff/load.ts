/** Reads a desired state from dns.yaml or from a BIND zone file. */
import { readFile } from 'node:fs/promises';
import { UsageError } from '../core/errors.js';
import { parseDesiredState } from './desired-file.js';
import type { RecordSet } from './records.js';
import { parseZoneFile } from './zone-file.js';

export interface LoadedDesired {
  zone: string;
  sets: RecordSet[];
  source: string;
  /** Zone files only: record types not compared, with counts. */
  skipped: Record<string, number>;
}

/** `yaml` for dns.yaml, `zone` for a zone file, `auto` by extension (.yaml/.yml are YAML). */
export async function loadDesired(file: string, kind: 'yaml' | 'zone' | 'auto', defaultOrigin: string): Promise<LoadedDesired> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && kind !== 'zone') {
      throw new UsageError('LR_DESIRED_MISSING', `${file} does not exist: run \`launch-ready dns snapshot\` to record the current DNS as the desired state.`);
    }
    throw new UsageError('LR_DESIRED_UNREADABLE', `${file}: cannot read it (${code ?? (err as Error).message}).`);
  }
  const yaml = kind === 'yaml' || (kind === 'auto' && /\.ya?ml$/i.test(file));
  if (yaml) return { ...parseDesiredState(text, file), source: file, skipped: {} };
  const zone = parseZoneFile(text, file, defaultOrigin);
  if (!zone.origin) throw new UsageError('LR_ZONE_NO_ORIGIN', `${file}: no $ORIGIN line and no domain to use as origin; add "$ORIGIN acme.test." at the top.`);
  return { zone: zone.origin, sets: zone.sets, source: file, skipped: zone.skipped };
}

/**
 * The desired-state file (`dns.yaml`): the zone's record sets by name and type, as
 * `launch-ready dns snapshot` writes them and a person edits them before a DNS change.
 *
 *   zone: acme.test
 *   records:
 *     "@":
 *       A: { ttl: 300, values: ["192.0.2.10"] }
 *       MX: { ttl: 300, values: ["10 mail.acme.test"] }
 *     www:
 *       CNAME: { values: ["acme.edge.example.net"] }
 *
 * Names are relative to the zone ("@" is the apex; a name ending in "." is absolute). `ttl` is
 * optional: without it, TTLs are not compared. Every problem is reported with its line and column.
 */
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import { UsageError } from '../core/errors.js';
import { canonicalName, canonicalValue, DIFF_TYPES, isDiffType, toRecordSets, type DiffType, type RecordSet } from './records.js';

export interface DesiredState {
  zone: string;
  sets: RecordSet[];
}

interface Problem {
  path: Array<string | number>;
  message: string;
}

function offsetOf(doc: Document, path: Array<string | number>): number {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return node.range[0];
  }
  return 0;
}

function relativeToAbsolute(name: string, zone: string): string {
  if (name === '@') return zone;
  return name.endsWith('.') ? canonicalName(name) : canonicalName(`${name}.${zone}`);
}

export function parseDesiredState(text: string, file: string): DesiredState {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const problems: Problem[] = doc.errors.map((e) => ({ path: [], message: e.message.split('\n')[0] }));
  const located = (p: Problem) => {
    const offset = doc.errors.length > 0 && p.path.length === 0 ? (doc.errors[0].pos?.[0] ?? 0) : offsetOf(doc, p.path);
    const { line, col } = lines.linePos(offset);
    return `${file}:${line}:${col}: ${p.message}`;
  };
  const fail = (): never => {
    throw new UsageError('LR_DESIRED_INVALID', `${file} is not a desired-state file launch-ready can read:\n${problems.map(located).join('\n')}`);
  };
  if (problems.length > 0) fail();
  const root = doc.toJS() as unknown;
  if (!isMap(doc.contents) || typeof root !== 'object' || root === null) {
    problems.push({ path: [], message: 'expected a mapping with `zone` and `records`' });
    fail();
  }
  const { zone: rawZone, records, ...extra } = root as Record<string, unknown>;
  for (const key of Object.keys(extra)) problems.push({ path: [key], message: `unknown key "${key}" (expected zone and records)` });
  const zone = typeof rawZone === 'string' && /^[a-z0-9.-]+\.?$/i.test(rawZone.trim()) ? canonicalName(rawZone) : '';
  if (!zone) problems.push({ path: ['zone'], message: 'expected `zone: acme.test`, the domain the records belong to' });
  const loose: Array<{ name: string; type: DiffType; ttl?: number; value: string }> = [];
  if (typeof records !== 'object' || records === null || Array.isArray(records)) {
    problems.push({ path: ['records'], message: 'expected `records:` mapping names to their record types' });
  } else {
    for (const [name, types] of Object.entries(records)) {
      if (typeof types !== 'object' || types === null || Array.isArray(types)) {
        problems.push({ path: ['records', name], message: `expected the record types of "${name}", e.g. A: { values: ["192.0.2.10"] }` });
        continue;
      }
      for (const [type, spec] of Object.entries(types as Record<string, unknown>)) {
        const at = ['records', name, type];
        if (!isDiffType(type)) {
          problems.push({ path: at, message: `"${type}" is not a record type the diff compares (${DIFF_TYPES.join(', ')})` });
          continue;
        }
        const { ttl, values, value, ...rest } = (typeof spec === 'object' && spec !== null ? spec : {}) as Record<string, unknown>;
        for (const key of Object.keys(rest)) problems.push({ path: [...at, key], message: `unknown key "${key}" (expected ttl and values)` });
        if (ttl !== undefined && (!Number.isInteger(ttl) || (ttl as number) < 0)) problems.push({ path: [...at, 'ttl'], message: 'expected a TTL in whole seconds' });
        const list = values ?? (value !== undefined ? [value] : undefined);
        if (!Array.isArray(list) || list.length === 0) {
          problems.push({ path: at, message: `expected \`values: [...]\` for ${name} ${type}` });
          continue;
        }
        list.forEach((v, i) => {
          const parsed = canonicalValue(type, typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '');
          if (typeof v !== 'string' && typeof v !== 'number') problems.push({ path: [...at, 'values', i], message: 'expected text' });
          else if (!parsed.ok) problems.push({ path: [...at, 'values', i], message: parsed.error });
          else loose.push({ name: relativeToAbsolute(name, zone), type, ...(typeof ttl === 'number' ? { ttl } : {}), value: parsed.value });
        });
      }
    }
  }
  if (problems.length > 0) fail();
  return { zone, sets: toRecordSets(loose) };
}

function relativeName(name: string, zone: string): string {
  if (name === zone) return '@';
  return name.endsWith(`.${zone}`) ? name.slice(0, -zone.length - 1) : `${name}.`;
}

/** dns.yaml for these sets: deterministic (sorted), every string JSON-quoted so any TXT survives. */
export function renderDesiredState(zone: string, sets: readonly RecordSet[], header: readonly string[]): string {
  const out = [...header.map((h) => `# ${h}`), `zone: ${JSON.stringify(zone)}`, 'records:'];
  const byName = new Map<string, RecordSet[]>();
  for (const s of sets) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
  const names = [...byName.keys()].sort((a, b) => (a === zone ? -1 : b === zone ? 1 : a.localeCompare(b)));
  for (const name of names) {
    out.push(`  ${JSON.stringify(relativeName(name, zone))}:`);
    for (const s of (byName.get(name) ?? []).sort((a, b) => DIFF_TYPES.indexOf(a.type) - DIFF_TYPES.indexOf(b.type))) {
      const ttl = s.ttl !== undefined ? `ttl: ${s.ttl}, ` : '';
      out.push(`    ${s.type}: { ${ttl}values: [${s.values.map((v) => JSON.stringify(v)).join(', ')}] }`);
    }
  }
  return `${out.join('\n')}\n`;
}

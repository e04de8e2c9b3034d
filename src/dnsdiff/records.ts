/**
 * Record sets as the DNS diff compares them: one per owner name and type, values in a canonical
 * text form (zone-file presentation, names lower-cased without the final dot, IPv6 in RFC 5952
 * form, TXT strings joined) so the same data written two ways is never reported as drift.
 */
import { isIP } from 'node:net';
import { parseIp, readableIp } from '../email/spf/ip.js';

export const DIFF_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'CAA', 'SRV'] as const;
export type DiffType = (typeof DIFF_TYPES)[number];

export function isDiffType(type: string): type is DiffType {
  return (DIFF_TYPES as readonly string[]).includes(type);
}

export interface RecordSet {
  /** Fully qualified, lower case, no trailing dot. */
  name: string;
  type: DiffType;
  /** Seconds; absent in a desired state that does not pin it (then TTLs are not compared). */
  ttl?: number;
  /** Canonical values, sorted. */
  values: string[];
}

export function canonicalName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

/** `10 mail.acme.test`, `0 issue "letsencrypt.org"`, `10 5 5060 sip.acme.test`: the presentation form of wire data. */
export function valueFromWire(type: DiffType, data: unknown): string {
  switch (type) {
    case 'A':
      return String(data);
    case 'AAAA':
      return readableIp(parseIp(String(data)) ?? { family: 6, bytes: [] });
    case 'CNAME':
    case 'NS':
      return canonicalName(String(data));
    case 'MX': {
      const mx = data as { preference: number; exchange: string };
      return `${mx.preference} ${canonicalName(mx.exchange) || '.'}`;
    }
    case 'TXT':
      return (Array.isArray(data) ? data : [data]).map((s: Buffer | string) => s.toString()).join('');
    case 'CAA': {
      const caa = data as { flags?: number; tag: string; value: string };
      return `${caa.flags ?? 0} ${caa.tag.toLowerCase()} "${caa.value}"`;
    }
    case 'SRV': {
      const srv = data as { priority: number; weight: number; port: number; target: string };
      return `${srv.priority} ${srv.weight} ${srv.port} ${canonicalName(srv.target) || '.'}`;
    }
  }
}

/**
 * Checks and normalises a value written by a person (dns.yaml) or a zone file: the error says what
 * the type expects. Relative names are resolved against `origin` by the callers before this.
 */
export function canonicalValue(type: DiffType, raw: string): { ok: true; value: string } | { ok: false; error: string } {
  const text = raw.trim();
  const fail = (error: string) => ({ ok: false as const, error });
  switch (type) {
    case 'A':
      return isIP(text) === 4 ? { ok: true, value: text } : fail(`"${text}" is not an IPv4 address`);
    case 'AAAA': {
      const ip = isIP(text) === 6 ? parseIp(text) : undefined;
      return ip && ip.family === 6 ? { ok: true, value: readableIp(ip) } : fail(`"${text}" is not an IPv6 address`);
    }
    case 'CNAME':
    case 'NS':
      return /^[A-Za-z0-9_*.-]+$/.test(text) ? { ok: true, value: canonicalName(text) } : fail(`"${text}" is not a host name`);
    case 'MX': {
      const m = /^(\d{1,5})\s+(\S+)$/.exec(text);
      return m && Number(m[1]) <= 65535 ? { ok: true, value: `${Number(m[1])} ${canonicalName(m[2]) || '.'}` } : fail(`"${text}" is not "PREFERENCE HOST", e.g. "10 mail.acme.test"`);
    }
    case 'TXT':
      return { ok: true, value: raw };
    case 'CAA': {
      const m = /^(\d{1,3})\s+([A-Za-z0-9]+)\s+"?(.*?)"?$/.exec(text);
      return m && Number(m[1]) <= 255 ? { ok: true, value: `${Number(m[1])} ${m[2].toLowerCase()} "${m[3]}"` } : fail(`"${text}" is not "FLAGS TAG VALUE", e.g. '0 issue "letsencrypt.org"'`);
    }
    case 'SRV': {
      const m = /^(\d{1,5})\s+(\d{1,5})\s+(\d{1,5})\s+(\S+)$/.exec(text);
      return m ? { ok: true, value: `${Number(m[1])} ${Number(m[2])} ${Number(m[3])} ${canonicalName(m[4]) || '.'}` } : fail(`"${text}" is not "PRIORITY WEIGHT PORT TARGET"`);
    }
  }
}

export function setKey(set: Pick<RecordSet, 'name' | 'type'>): string {
  return `${set.name} ${set.type}`;
}

/** Groups loose records into sets (same name and type), values sorted and de-duplicated, the lowest TTL kept. */
export function toRecordSets(records: ReadonlyArray<{ name: string; type: DiffType; ttl?: number; value: string }>): RecordSet[] {
  const sets = new Map<string, RecordSet>();
  for (const r of records) {
    const key = setKey(r);
    const set = sets.get(key) ?? { name: r.name, type: r.type, values: [] };
    if (!set.values.includes(r.value)) set.values.push(r.value);
    if (r.ttl !== undefined) set.ttl = set.ttl === undefined ? r.ttl : Math.min(set.ttl, r.ttl);
    sets.set(key, set);
  }
  return [...sets.values()].map((s) => ({ ...s, values: [...s.values].sort() })).sort((a, b) => a.name.localeCompare(b.name) || a.type.localeCompare(b.type));
}

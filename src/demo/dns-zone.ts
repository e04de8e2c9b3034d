/**
 * Authoritative zone data and answers for the demo DNS server: record sets per name and type,
 * CNAME chains followed across every zone served (so a client of the demo sees what a recursive
 * resolver would), and negative answers with the zone's SOA (RFC 2308).
 */
import type { Answer } from 'dns-packet';

export type RecordType = 'A' | 'AAAA' | 'CNAME' | 'TXT' | 'MX' | 'NS' | 'CAA' | 'SRV' | 'SOA';

export interface RecordData {
  A: string;
  AAAA: string;
  CNAME: string;
  NS: string;
  /** One string, or the record's character-strings; each is split into 255-byte pieces (RFC 1035 §3.3.14). */
  TXT: string | string[];
  MX: { preference: number; exchange: string };
  CAA: { flags?: number; tag: 'issue' | 'issuewild' | 'iodef'; value: string };
  SRV: { priority: number; weight: number; port: number; target: string };
  SOA: { mname: string; rname: string; serial: number; refresh: number; retry: number; expire: number; minimum: number };
}

export type ZoneRecord = { [T in RecordType]: { name: string; type: T; data: RecordData[T]; ttl?: number } }[RecordType];

export interface ZoneSpec {
  /** The zone's apex, e.g. `acme.test`. */
  origin: string;
  records: ZoneRecord[];
  /** Default TTL of the zone's records. */
  ttl?: number;
}

export type Rcode = 'NOERROR' | 'NXDOMAIN' | 'REFUSED';

export interface ZoneAnswer {
  rcode: Rcode;
  answers: Answer[];
  authorities: Answer[];
}

const DEFAULT_TTL = 300;
const MAX_CNAME_HOPS = 8;

/** The SOA a zone gets when it declares none. */
export function defaultSoa(origin: string): RecordData['SOA'] {
  return { mname: `ns1.${origin}`, rname: `hostmaster.${origin}`, serial: 1, refresh: 3600, retry: 600, expire: 604800, minimum: 60 };
}

export function normalise(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

function txtStrings(data: string | string[]): Buffer[] {
  const pieces: Buffer[] = [];
  for (const s of typeof data === 'string' ? [data] : data) {
    const bytes = Buffer.from(s, 'utf8');
    if (bytes.length === 0) pieces.push(bytes);
    for (let i = 0; i < bytes.length; i += 255) pieces.push(bytes.subarray(i, i + 255));
  }
  return pieces;
}

/** RDLENGTH is 16 bits (RFC 1035 §3.2.1): no record's data can be longer. */
const MAX_RDATA_BYTES = 65535;

/** Refuses a record no DNS message can carry, naming it, instead of failing on every query for it. */
function checkEncodable(name: string, type: RecordType, data: RecordData[RecordType]): void {
  if (type !== 'TXT') return;
  const bytes = txtStrings(data as RecordData['TXT']).reduce((n, piece) => n + 1 + piece.length, 0);
  if (bytes > MAX_RDATA_BYTES) {
    throw new RangeError(`${name} TXT: the record needs ${bytes} bytes of data, over the ${MAX_RDATA_BYTES} a DNS record can hold (RFC 1035 §3.2.1); split it into several records`);
  }
}

function toAnswer(name: string, type: RecordType, data: RecordData[RecordType], ttl: number): Answer {
  if (type === 'TXT') return { name, type, ttl, data: txtStrings(data as RecordData['TXT']) };
  return { name, type, ttl, data } as Answer;
}

interface RecordSet {
  ttl: number;
  data: RecordData[RecordType][];
}

export class ZoneStore {
  private origins: Array<{ origin: string; ttl: number }> = [];
  private readonly names = new Map<string, Map<RecordType, RecordSet>>();

  constructor(zones: ZoneSpec[]) {
    this.load(zones);
  }

  /** Replaces every zone and record; throws, leaving the zones served unchanged, when a record cannot be served. */
  load(zones: ZoneSpec[]): void {
    for (const zone of zones) for (const r of zone.records) checkEncodable(r.name, r.type, r.data);
    this.names.clear();
    // Longest origin first, so a child zone wins over its parent.
    this.origins = zones.map((z) => ({ origin: normalise(z.origin), ttl: z.ttl ?? DEFAULT_TTL })).sort((a, b) => b.origin.length - a.origin.length);
    for (const zone of zones) {
      const origin = normalise(zone.origin);
      const grouped = new Map<string, ZoneRecord[]>();
      for (const r of zone.records) {
        const key = `${normalise(r.name)} ${r.type}`;
        grouped.set(key, [...(grouped.get(key) ?? []), r]);
      }
      for (const group of grouped.values()) {
        this.setRecords(group[0].name, group[0].type, group.map((r) => r.data), group[0].ttl);
      }
      if (!this.names.get(origin)?.has('SOA')) {
        this.setRecords(origin, 'SOA', [defaultSoa(origin)]);
      }
    }
  }

  private zoneOf(name: string): { origin: string; ttl: number } | undefined {
    return this.origins.find((z) => name === z.origin || name.endsWith(`.${z.origin}`));
  }

  /** Sets (replaces) the record set of one name and type; the name must be inside a zone served. */
  setRecords<T extends RecordType>(name: string, type: T, data: RecordData[T][], ttl?: number): void {
    const owner = normalise(name);
    const zone = this.zoneOf(owner);
    if (!zone) throw new Error(`${name} is outside every zone served (${this.origins.map((z) => z.origin).join(', ')})`);
    if (data.length === 0) return this.remove(owner, type);
    for (const d of data) checkEncodable(name, type, d);
    const sets = this.names.get(owner) ?? new Map<RecordType, RecordSet>();
    sets.set(type, { ttl: ttl ?? zone.ttl, data });
    this.names.set(owner, sets);
  }

  /** Removes one record set of a name, or all of them when no type is given. */
  remove(name: string, type?: RecordType): void {
    const owner = normalise(name);
    if (!type) {
      this.names.delete(owner);
      return;
    }
    const sets = this.names.get(owner);
    sets?.delete(type);
    if (sets?.size === 0) this.names.delete(owner);
  }

  /** A name exists when it owns records or has descendants (an empty non-terminal: NODATA, not NXDOMAIN — RFC 8020). */
  private exists(name: string): boolean {
    if (this.names.has(name)) return true;
    for (const owner of this.names.keys()) if (owner.endsWith(`.${name}`)) return true;
    return false;
  }

  private negative(rcode: Rcode, zone: { origin: string }, answers: Answer[]): ZoneAnswer {
    const soa = this.names.get(zone.origin)?.get('SOA');
    const authorities: Answer[] = [];
    if (soa) {
      const data = soa.data[0] as RecordData['SOA'];
      // RFC 2308 §5: the negative TTL is the lower of the SOA's TTL and its MINIMUM field.
      authorities.push(toAnswer(zone.origin, 'SOA', data, Math.min(soa.ttl, data.minimum)));
    }
    return { rcode, answers, authorities };
  }

  /**
   * Answers one question. CNAMEs are followed through every zone served; the response code is the
   * one of the last name in the chain (RFC 6604 §3), so a CNAME to a missing name is NXDOMAIN.
   */
  answer(qname: string, qtype: string): ZoneAnswer {
    let name = normalise(qname);
    if (!this.zoneOf(name)) return { rcode: 'REFUSED', answers: [], authorities: [] };
    const answers: Answer[] = [];
    const seen = new Set<string>();
    let owner = qname.replace(/\.$/, '');
    for (let hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
      const zone = this.zoneOf(name);
      // The chain left our authority: hand back what we have, as an authoritative server does.
      if (!zone) return { rcode: 'NOERROR', answers, authorities: [] };
      const sets = this.names.get(name);
      const cname = sets?.get('CNAME');
      if (cname && qtype !== 'CNAME') {
        const target = normalise(cname.data[0] as string);
        answers.push(toAnswer(owner, 'CNAME', target, cname.ttl));
        if (seen.has(target)) break;
        seen.add(name);
        name = target;
        owner = target;
        continue;
      }
      const types = qtype === 'ANY' ? [...(sets?.keys() ?? [])] : sets?.has(qtype as RecordType) ? [qtype as RecordType] : [];
      if (types.length > 0) {
        for (const type of types) {
          const set = sets!.get(type)!;
          for (const data of set.data) answers.push(toAnswer(owner, type, data, set.ttl));
        }
        return { rcode: 'NOERROR', answers, authorities: [] };
      }
      return this.negative(this.exists(name) ? 'NOERROR' : 'NXDOMAIN', zone, answers);
    }
    // A CNAME loop or an over-long chain: what was found, no data at the end.
    return { rcode: 'NOERROR', answers, authorities: [] };
  }
}

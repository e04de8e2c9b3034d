/**
 * An in-memory `MailResolver` for unit tests: zone data per name, NXDOMAIN for names that neither
 * own records nor have descendants, NODATA for a missing type, and injectable failures. Every
 * question asked is recorded, so tests can count lookups.
 */
import type { Answer, CaaRecord, MailRecordType, MailResolver, MxRecord, RecordData } from '../../src/email/resolver.js';

export interface FakeName {
  /** A record is one string, or its character-strings. */
  TXT?: Array<string | string[]>;
  A?: string[];
  AAAA?: string[];
  /** [priority, exchange]; '.' is a Null MX. */
  MX?: Array<[number, string]>;
  PTR?: string[];
  CAA?: CaaRecord[];
  /** Every query for this name fails this way (or only the listed types). */
  fail?: 'timeout' | 'servfail';
  failTypes?: MailRecordType[];
}

export type FakeZone = Record<string, FakeName>;

export interface FakeResolver extends MailResolver {
  asked: Array<{ name: string; type: MailRecordType }>;
}

function recordsOf(entry: FakeName, type: MailRecordType): unknown[] | undefined {
  switch (type) {
    case 'TXT':
      return entry.TXT?.map((r) => (typeof r === 'string' ? [r] : r));
    case 'MX':
      return entry.MX?.map(([priority, exchange]): MxRecord => ({ priority, exchange: exchange === '.' ? '' : exchange }));
    default:
      return entry[type];
  }
}

export function fakeResolver(zone: FakeZone): FakeResolver {
  const names = new Map(Object.entries(zone).map(([k, v]) => [k.toLowerCase(), v]));
  const asked: FakeResolver['asked'] = [];
  return {
    asked,
    async lookup<K extends MailRecordType>(rawName: string, type: K): Promise<Answer<RecordData[K]>> {
      const name = rawName.toLowerCase().replace(/\.$/, '');
      asked.push({ name, type });
      const entry = names.get(name);
      if (entry?.fail && (!entry.failTypes || entry.failTypes.includes(type))) {
        return entry.fail === 'timeout' ? { kind: 'error', code: 'dns-timeout', message: 'ETIMEOUT: no answer' } : { kind: 'error', code: 'dns-error', message: 'ESERVFAIL: server failure' };
      }
      const records = entry ? recordsOf(entry, type) : undefined;
      if (records && records.length > 0) return { kind: 'records', records: records as RecordData[K] };
      const exists = entry !== undefined || [...names.keys()].some((n) => n.endsWith(`.${name}`));
      return { kind: exists ? 'nodata' : 'nxdomain' };
    },
  };
}

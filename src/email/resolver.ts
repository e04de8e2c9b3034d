/**
 * The DNS the email stage needs, as one small interface: the SPF evaluator and the collector take
 * it, so unit tests hand them a fake and integration tests a real server behind `DnsClient`.
 * Answers are data, never exceptions: "no such name", "no records" and "the lookup failed" each
 * change an SPF verdict differently (RFC 7208 §4.4, §4.6.4, §5).
 */
export interface MxRecord {
  priority: number;
  /** '' for a Null MX (RFC 7505: `MX 0 .`). */
  exchange: string;
}

export interface CaaRecord {
  critical: number;
  tag: string;
  value: string;
}

export interface RecordData {
  /** Each record's character-strings, in order. */
  TXT: string[][];
  A: string[];
  AAAA: string[];
  MX: MxRecord[];
  PTR: string[];
  CAA: CaaRecord[];
}

export type MailRecordType = keyof RecordData;

export type Answer<T> =
  | { kind: 'records'; records: T }
  /** RCODE 3: the name does not exist. */
  | { kind: 'nxdomain' }
  /** RCODE 0 with no answer of this type. */
  | { kind: 'nodata' }
  | { kind: 'error'; code: 'dns-timeout' | 'dns-error'; message: string };

export interface MailResolver {
  lookup<K extends MailRecordType>(name: string, type: K): Promise<Answer<RecordData[K]>>;
}

/** `nxdomain` and `nodata`: what RFC 7208 §4.6.4 calls a void lookup. */
export function isVoid(answer: Answer<unknown>): boolean {
  return answer.kind === 'nxdomain' || answer.kind === 'nodata';
}

/** A name as DNS compares it: lower case, no trailing dot. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

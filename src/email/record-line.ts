/**
 * DNS records as a provider's form asks for them — name, type, value — one a line, so every email
 * finding hands out records in the same shape. TXT values are quoted; everything else is as typed
 * in a zone file (`10 mx1.example.com`, `0 issue "letsencrypt.org"`).
 */
export type RecordType = 'TXT' | 'MX' | 'A' | 'AAAA' | 'CNAME' | 'CAA';

export interface DnsRecordLine {
  name: string;
  type: RecordType;
  value: string;
}

export function recordLine(r: DnsRecordLine): string {
  return `  ${r.name}  ${r.type}  ${r.type === 'TXT' ? `"${r.value}"` : r.value}`;
}

/** `intro:` followed by the records, one a line. */
export function publishText(intro: string, records: readonly DnsRecordLine[]): string {
  return `${intro}:\n${records.map(recordLine).join('\n')}`;
}

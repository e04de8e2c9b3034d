/** Writes a zone as a standard master file (RFC 1035 §5), e.g. the desired-state file for `dns diff`. */
import { defaultSoa, normalise, type ZoneRecord, type ZoneSpec } from './dns-zone.js';

const DEFAULT_TTL = 300;

function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function rdata(record: ZoneRecord): string {
  switch (record.type) {
    case 'A':
    case 'AAAA':
      return record.data;
    case 'CNAME':
    case 'NS':
      return `${normalise(record.data)}.`;
    case 'TXT': {
      const strings = typeof record.data === 'string' ? [record.data] : record.data;
      // A character-string holds at most 255 octets (RFC 1035 §3.3); longer values are split (ASCII assumed).
      return strings.flatMap((s) => s.match(/[\s\S]{1,255}/g) ?? ['']).map(quote).join(' ');
    }
    case 'MX':
      return `${record.data.preference} ${normalise(record.data.exchange)}.`;
    case 'CAA':
      return `${record.data.flags ?? 0} ${record.data.tag} ${quote(record.data.value)}`;
    case 'SRV':
      return `${record.data.priority} ${record.data.weight} ${record.data.port} ${normalise(record.data.target)}.`;
    case 'SOA': {
      const s = record.data;
      return `${normalise(s.mname)}. ${normalise(s.rname)}. ${s.serial} ${s.refresh} ${s.retry} ${s.expire} ${s.minimum}`;
    }
  }
}

export function formatZoneFile(zone: ZoneSpec): string {
  const origin = normalise(zone.origin);
  const ttl = zone.ttl ?? DEFAULT_TTL;
  const lines = [`$ORIGIN ${origin}.`, `$TTL ${ttl}`];
  const soa: ZoneRecord[] = zone.records.some((r) => r.type === 'SOA') ? [] : [{ name: origin, type: 'SOA', data: defaultSoa(origin) }];
  for (const record of [...soa, ...zone.records]) {
    const name = normalise(record.name);
    const owner = name === origin ? '@' : name.endsWith(`.${origin}`) ? name.slice(0, -origin.length - 1) : `${name}.`;
    lines.push(`${owner.padEnd(24)} ${record.ttl ?? ttl} IN ${record.type.padEnd(5)} ${rdata(record)}`);
  }
  return `${lines.join('\n')}\n`;
}

import type { DmarcArtifact, TxtLookup } from '../artifact.js';
import { isDmarcRecord } from './record.js';

/** The lookup whose name holds DMARC records (the domain's own, else the organisational domain's), with those records. */
export function discoveredDmarc(a: DmarcArtifact): { lookup: TxtLookup; policyDomain: string; records: string[] } | undefined {
  const lookup = a.lookups.find((l) => l.records.some(isDmarcRecord));
  if (!lookup) return undefined;
  return { lookup, policyDomain: lookup.name.slice('_dmarc.'.length), records: lookup.records.filter(isDmarcRecord) };
}

/** One line per lookup: `_dmarc.acme.test: NXDOMAIN`. */
export function describeLookups(lookups: readonly TxtLookup[]): string {
  const what = (l: TxtLookup) =>
    l.status === 'nxdomain' ? 'NXDOMAIN (no such name)' : l.status === 'nodata' ? 'no TXT record' : l.status === 'error' ? `lookup failed: ${l.error}` : `TXT ${l.records.map((r) => JSON.stringify(r)).join(', ')} (none starts with v=DMARC1)`;
  return lookups.map((l) => `${l.name}: ${what(l)}`).join('\n');
}

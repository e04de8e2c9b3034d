/** DNS states for dns.* check tables and diff tests: the acme.test zone as desired, edited per case. */
import type { Artifacts } from '../../src/core/artifacts.js';
import { toRecordSets, type DiffType, type RecordSet } from '../../src/dnsdiff/records.js';
import type { DnsState } from '../../src/dnsdiff/state.js';
import { plan } from '../helpers/artifacts.js';

export type Row = [name: string, type: DiffType, value: string, ttl?: number];

export function sets(rows: readonly Row[]): RecordSet[] {
  return toRecordSets(rows.map(([name, type, value, ttl]) => ({ name, type, value, ttl: ttl ?? 300 })));
}

/** Twelve records: the apex (A ×2, MX, SPF, NS ×2), www, app, api, admin, DMARC, DKIM. */
export const ZONE: readonly Row[] = [
  ['acme.test', 'A', '192.0.2.10'],
  ['acme.test', 'A', '192.0.2.11'],
  ['acme.test', 'MX', '10 mx1.mail.test'],
  ['acme.test', 'TXT', 'v=spf1 include:_spf.mail.test ~all'],
  ['acme.test', 'NS', 'ns1.dns-host.test', 3600],
  ['acme.test', 'NS', 'ns2.dns-host.test', 3600],
  ['www.acme.test', 'CNAME', 'acme.edge.test'],
  ['app.acme.test', 'A', '192.0.2.20'],
  ['api.acme.test', 'A', '192.0.2.30'],
  ['admin.acme.test', 'A', '192.0.2.40'],
  ['_dmarc.acme.test', 'TXT', 'v=DMARC1; p=reject; rua=mailto:d@acme.test'],
  ['s1._domainkey.acme.test', 'TXT', 'v=DKIM1; k=rsa; p=MIIBIjAN'],
];

export interface StateOptions {
  desired?: readonly Row[];
  live?: readonly Row[];
  missingNames?: string[];
  failures?: DnsState['failures'];
  authoritative?: boolean;
  cnameTargets?: DnsState['cnameTargets'];
}

export function dnsState(o: StateOptions = {}): DnsState {
  return {
    zone: 'acme.test',
    desiredSource: 'dns.yaml',
    desired: sets(o.desired ?? ZONE),
    live: sets(o.live ?? ZONE),
    missingNames: o.missingNames ?? [],
    failures: o.failures ?? [],
    authoritative: o.authoritative ?? true,
    servers: ['127.0.0.1:5353'],
    cnameTargets: o.cnameTargets ?? [{ target: 'acme.edge.test', resolves: true }],
  };
}

/** The zone without the rows `drop` matches, with `add` appended. */
export function edit(drop: (r: Row) => boolean, add: readonly Row[] = []): Row[] {
  return [...ZONE.filter((r) => !drop(r)), ...add];
}

export function stateArtifacts(o: StateOptions = {}): Artifacts {
  return { plan: plan(), dnsState: dnsState(o) };
}

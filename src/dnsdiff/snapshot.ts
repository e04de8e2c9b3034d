/**
 * Which names a snapshot reads, and the reading: the apex, every host of the config inside the
 * zone, the common hosts discovery probes (www, app, api, admin …), the mail names (DMARC,
 * MTA-STS, TLS-RPT, BIMI, mail client SRV records, the configured and common DKIM selectors) and
 * the MX hosts inside the zone. Probed names that do not exist are left out of the snapshot;
 * a declared host that does not exist is reported.
 */
import { DISCOVERY_PREFIXES } from '../collect/discover.js';
import { selectorsToProbe } from '../email/dkim/selectors.js';
import type { DnsClient } from '../net/dns-client.js';
import { readLive, type LiveState } from './live.js';
import { canonicalName, toRecordSets } from './records.js';

export interface SnapshotInput {
  zone: string;
  /** Hosts the config declares (outside the zone ones are ignored). */
  hosts: readonly string[];
  emailDomain: string;
  dkimSelectors: readonly string[];
}

function inZone(name: string, zone: string): boolean {
  return name === zone || name.endsWith(`.${zone}`);
}

export function snapshotNames(input: SnapshotInput): { declared: string[]; probed: string[] } {
  const zone = canonicalName(input.zone);
  const mail = canonicalName(input.emailDomain);
  const declared = [...new Set([zone, ...input.hosts.map(canonicalName), mail].filter((n) => inZone(n, zone)))];
  const probed = [
    ...DISCOVERY_PREFIXES.filter((p) => p !== '').map((p) => `${p}.${zone}`),
    `_dmarc.${mail}`,
    `_mta-sts.${mail}`,
    `mta-sts.${mail}`,
    `_smtp._tls.${mail}`,
    `default._bimi.${mail}`,
    // RFC 6186 mail client settings, which mail providers ask their customers to publish.
    `_submission._tcp.${mail}`,
    `_imaps._tcp.${mail}`,
    `_autodiscover._tcp.${mail}`,
    ...selectorsToProbe(input.dkimSelectors).map((s) => `${s.selector}._domainkey.${mail}`),
  ].filter((n, i, all) => inZone(n, zone) && !declared.includes(n) && all.indexOf(n) === i);
  return { declared, probed };
}

export interface Snapshot {
  live: LiveState;
  /** Declared hosts the live DNS has no record for. */
  absent: string[];
}

export async function takeSnapshot(dns: DnsClient, input: SnapshotInput, opts: { servers: readonly string[]; concurrency: number }): Promise<Snapshot> {
  const zone = canonicalName(input.zone);
  const { declared, probed } = snapshotNames(input);
  const first = await readLive(dns, zone, [...declared, ...probed], opts);
  // MX hosts inside the zone belong to the snapshot too (their address is where mail goes).
  const mxHosts = first.live
    .filter((s) => s.type === 'MX')
    .flatMap((s) => s.values.map((v) => v.split(' ')[1]))
    .filter((h) => h !== '.' && inZone(h, zone) && !declared.includes(h) && !probed.includes(h));
  const second = mxHosts.length > 0 ? await readLive(dns, zone, [...new Set(mxHosts)], opts) : undefined;
  const live: LiveState = second
    ? {
        ...first,
        live: toRecordSets([...first.live, ...second.live].flatMap((s) => s.values.map((value) => ({ name: s.name, type: s.type, ttl: s.ttl, value })))),
        missingNames: [...first.missingNames, ...second.missingNames],
        failures: [...first.failures, ...second.failures],
        authoritative: first.authoritative && second.authoritative,
        cnameTargets: [...first.cnameTargets, ...second.cnameTargets],
      }
    : first;
  const owners = new Set(live.live.map((s) => s.name));
  const failedNames = new Set(live.failures.map((f) => f.name));
  return { live, absent: declared.filter((n) => !owners.has(n) && !failedNames.has(n)) };
}

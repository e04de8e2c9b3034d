/**
 * What the live DNS holds for a list of names, with TTLs. Asked of the zone's own name servers
 * when --dns-server is not given (a caching resolver counts TTLs down, so they could not be
 * compared), one question per name and type, owners and types filtered so a CNAME's target records
 * are never mistaken for the name's own.
 */
import { isIP } from 'node:net';
import pLimit from 'p-limit';
import type { DnsClient } from '../net/dns-client.js';
import { DIFF_TYPES, toRecordSets, valueFromWire, type DiffType } from './records.js';
import type { DnsState, LookupFailure } from './state.js';

export type LiveState = Omit<DnsState, 'desired' | 'desiredSource'>;

/** A zone whose servers never answer costs a few timeouts, not one per name and type. */
const TIMEOUTS_BEFORE_GIVING_UP = 3;

/** Names with a "_" label (DMARC, DKIM, MTA-STS, SRV services …) hold TXT or SRV records, or a CNAME to them. */
export function typesFor(name: string): readonly DiffType[] {
  return name.startsWith('_') || name.includes('._') ? ['TXT', 'SRV', 'CNAME'] : DIFF_TYPES;
}

function serverOf(address: string): string {
  return isIP(address) === 6 ? `[${address}]:53` : `${address}:53`;
}

/** The zone's name servers (NS at the apex, their addresses), or [] when they cannot be found. */
export async function authoritativeServers(dns: DnsClient, zone: string): Promise<string[]> {
  try {
    const ns = (await dns.query(zone, 'NS')) as string[];
    const hosts = await Promise.all(ns.map((n) => dns.lookupHost(n)));
    return hosts.flatMap((h) => [...h.a, ...h.aaaa]).map(serverOf);
  } catch {
    return [];
  }
}

export async function readLive(dns: DnsClient, zone: string, names: readonly string[], opts: { servers: readonly string[]; concurrency: number }): Promise<LiveState> {
  const limit = pLimit(opts.concurrency);
  const records: Array<{ name: string; type: DiffType; ttl: number; value: string }> = [];
  const failures: LookupFailure[] = [];
  const missing = new Set<string>();
  let timeoutsInARow = 0;
  let answered = 0;
  let authoritativeAnswers = 0;
  await Promise.all(
    names.flatMap((name) =>
      typesFor(name).map((type) =>
        limit(async () => {
          if (timeoutsInARow >= TIMEOUTS_BEFORE_GIVING_UP) {
            failures.push({ name, type, message: `not asked: the DNS server timed out ${TIMEOUTS_BEFORE_GIVING_UP} times in a row` });
            return;
          }
          try {
            const answer = await dns.records(name, type, opts.servers);
            timeoutsInARow = 0;
            if (answer.rcode === 'NXDOMAIN') missing.add(name);
            else if (answer.rcode !== 'NOERROR') failures.push({ name, type, message: `${answer.rcode} from the name server` });
            answered++;
            if (answer.authoritative) authoritativeAnswers++;
            for (const a of answer.answers) if (a.name === name && a.type === type) records.push({ name, type, ttl: a.ttl, value: valueFromWire(type, a.data) });
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code === 'ETIMEOUT') timeoutsInARow++;
            failures.push({ name, type, message: `${(err as NodeJS.ErrnoException).code ?? 'error'}: ${(err as Error).message}`.slice(0, 200) });
          }
        }),
      ),
    ),
  );
  const live = toRecordSets(records);
  const targets = [...new Set(live.filter((s) => s.type === 'CNAME').flatMap((s) => s.values))];
  const cnameTargets = await Promise.all(targets.map(async (target) => ({ target, resolves: (await dns.lookupHost(target)).status === 'ok' })));
  return { zone, live, missingNames: [...missing].sort(), failures, authoritative: answered > 0 && authoritativeAnswers === answered, servers: [...opts.servers], cnameTargets };
}

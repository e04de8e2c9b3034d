/**
 * `MailResolver` over the run's `DnsClient` (so --dns-server and --timeout apply). Answers are
 * memoised per name and type, and after three timeouts in a row the remaining lookups fail at once:
 * a domain whose DNS never answers costs a few timeouts, not one per DKIM selector probed.
 */
import type { DnsClient } from '../net/dns-client.js';
import type { Answer, CaaRecord, MailRecordType, MailResolver, RecordData } from './resolver.js';

const TIMEOUTS_BEFORE_GIVING_UP = 3;

function fromError(err: unknown): Answer<never> {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOTFOUND') return { kind: 'nxdomain' };
  if (code === 'ENODATA') return { kind: 'nodata' };
  const message = `${code || 'DNS error'}: ${(err as Error).message}`.slice(0, 200);
  if (code === 'ETIMEOUT' || code === 'ECANCELLED') return { kind: 'error', code: 'dns-timeout', message };
  return { kind: 'error', code: 'dns-error', message };
}

/** c-ares answers CAA as `{ critical, issue: 'ca.example' }`: one key besides `critical` names the tag. */
function caaOf(raw: Record<string, unknown>): CaaRecord {
  const tag = Object.keys(raw).find((k) => k !== 'critical') ?? '';
  return { critical: Number(raw.critical ?? 0), tag, value: String(raw[tag] ?? '') };
}

export function dnsClientResolver(dns: DnsClient): MailResolver {
  const memo = new Map<string, Promise<Answer<unknown>>>();
  let timeoutsInARow = 0;

  async function ask(name: string, type: MailRecordType): Promise<Answer<unknown>> {
    if (timeoutsInARow >= TIMEOUTS_BEFORE_GIVING_UP) {
      return { kind: 'error', code: 'dns-timeout', message: `not asked: the DNS server timed out ${TIMEOUTS_BEFORE_GIVING_UP} times in a row` };
    }
    try {
      const raw = await dns.query(name, type);
      timeoutsInARow = 0;
      if (raw.length === 0) return { kind: 'nodata' };
      const records = type === 'CAA' ? raw.map((r) => caaOf(r as Record<string, unknown>)) : raw;
      return { kind: 'records', records };
    } catch (err) {
      const answer = fromError(err);
      timeoutsInARow = answer.kind === 'error' && answer.code === 'dns-timeout' ? timeoutsInARow + 1 : 0;
      return answer;
    }
  }

  return {
    lookup<K extends MailRecordType>(name: string, type: K): Promise<Answer<RecordData[K]>> {
      const key = `${name.toLowerCase().replace(/\.$/, '')} ${type}`;
      let hit = memo.get(key);
      if (!hit) {
        hit = ask(name.replace(/\.$/, ''), type);
        memo.set(key, hit);
      }
      return hit as Promise<Answer<RecordData[K]>>;
    },
  };
}

import { getServers } from 'node:dns';
import { Resolver, lookup } from 'node:dns/promises';
import type { DnsLookup, NetError } from '../core/artifacts.js';
import { wireQuery, type WireAnswer } from './dns-wire.js';
import type { NetworkSettings } from './settings.js';

const MAX_CNAME_DEPTH = 8;

function dnsError(err: unknown): { status: DnsLookup['status']; error?: NetError } {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  const message = `${code || 'DNS error'}: ${(err as Error).message}`;
  if (code === 'ENOTFOUND') return { status: 'nxdomain', error: { code: 'dns-nxdomain', message } };
  if (code === 'ENODATA') return { status: 'nodata', error: { code: 'dns-nodata', message } };
  if (code === 'ETIMEOUT' || code === 'ECANCELLED') return { status: 'error', error: { code: 'dns-timeout', message } };
  return { status: 'error', error: { code: 'dns-error', message } };
}

/** Rejects after `ms`, cancelling outstanding queries, so a silent server can never hang a run. */
function withDeadline<T>(resolver: Resolver, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      resolver.cancel();
      reject(Object.assign(new Error(`no answer within ${ms} ms`), { code: 'ETIMEOUT' }));
    }, ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

export type RecordType = 'A' | 'AAAA' | 'CNAME' | 'TXT' | 'MX' | 'NS' | 'CAA' | 'SRV' | 'PTR';

/**
 * DNS for a whole run: every query goes to `--dns-server` when given, answers are memoised so each
 * name is resolved once, and every query has a deadline.
 */
export class DnsClient {
  private readonly memo = new Map<string, Promise<DnsLookup>>();
  private readonly useSystem: boolean;

  constructor(private readonly settings: Pick<NetworkSettings, 'dnsServers' | 'timeoutMs'>) {
    this.useSystem = settings.dnsServers.length === 0;
  }

  private resolver(): Resolver {
    // c-ares: per-try timeout; two tries fit inside the deadline below.
    const r = new Resolver({ timeout: Math.max(100, Math.floor(this.settings.timeoutMs / 2)), tries: 2 });
    if (!this.useSystem) r.setServers(this.settings.dnsServers);
    return r;
  }

  /** Raw records of one type, for callers that need them (email, DNS diff). Throws DNS errors with their codes. */
  async query(name: string, type: RecordType): Promise<unknown[]> {
    const r = this.resolver();
    return withDeadline(r, this.settings.timeoutMs, r.resolve(name, type) as Promise<unknown[]>);
  }

  /**
   * Records with their owner and TTL, asked on the wire of `servers` (default: --dns-server, else the
   * system's), the next server tried when one fails. For the DNS snapshot and diff, which c-ares cannot serve.
   */
  async records(name: string, type: RecordType, servers: readonly string[] = this.settings.dnsServers): Promise<WireAnswer> {
    const candidates = servers.length > 0 ? servers : getServers();
    let failure: unknown = Object.assign(new Error('no DNS server configured'), { code: 'ENOSERVER' });
    for (const server of candidates) {
      try {
        return await wireQuery(server, name, type, this.settings.timeoutMs);
      } catch (err) {
        failure = err;
      }
    }
    throw failure;
  }

  lookupHost(name: string): Promise<DnsLookup> {
    const key = name.toLowerCase();
    let hit = this.memo.get(key);
    if (!hit) {
      hit = this.resolveHost(key);
      this.memo.set(key, hit);
    }
    return hit;
  }

  private async resolveHost(name: string): Promise<DnsLookup> {
    const r = this.resolver();
    const deadline = this.settings.timeoutMs * 2;
    const cnames: string[] = [];
    let current = name;
    try {
      await withDeadline(
        r,
        deadline,
        (async () => {
          while (cnames.length < MAX_CNAME_DEPTH) {
            const targets = await r.resolveCname(current).catch(() => [] as string[]);
            if (targets.length === 0 || cnames.includes(targets[0])) break;
            cnames.push(targets[0].toLowerCase());
            current = targets[0];
          }
        })(),
      );
      const [a, aaaa] = await Promise.all([
        withDeadline(r, deadline, r.resolve4(name)).then((v) => ({ ok: v }), (e: unknown) => ({ err: e })),
        withDeadline(r, deadline, r.resolve6(name)).then((v) => ({ ok: v }), (e: unknown) => ({ err: e })),
      ]);
      const v4 = 'ok' in a ? a.ok : [];
      const v6 = 'ok' in aaaa ? aaaa.ok : [];
      if (v4.length + v6.length > 0) return { name, cnames, a: v4, aaaa: v6, status: 'ok' };
      // Prefer the most telling failure: a timeout beats NXDOMAIN beats "no data".
      const errs = [a, aaaa].flatMap((x) => ('err' in x ? [dnsError(x.err)] : []));
      const worst = errs.find((e) => e.status === 'error') ?? errs.find((e) => e.status === 'nxdomain') ?? errs[0] ?? { status: 'nodata' as const };
      if (this.useSystem && worst.status !== 'error') {
        const hosts = await this.systemLookup(name);
        if (hosts) return { name, cnames, ...hosts, status: 'ok' };
      }
      return { name, cnames, a: [], aaaa: [], ...worst };
    } catch (err) {
      return { name, cnames, a: [], aaaa: [], ...dnsError(err) };
    }
  }

  /** Without --dns-server, names in /etc/hosts (localhost, a staging alias) count as resolved too. */
  private async systemLookup(name: string): Promise<{ a: string[]; aaaa: string[] } | undefined> {
    try {
      const found = await lookup(name, { all: true });
      return { a: found.filter((f) => f.family === 4).map((f) => f.address), aaaa: found.filter((f) => f.family === 6).map((f) => f.address) };
    } catch {
      return undefined;
    }
  }
}

/**
 * Can the monitor itself reach the network? (issue 7 §1) Asked before a failed check counts: if
 * its DNS resolver does not answer at all (any answer, even "no such name", proves it reachable)
 * or none of `monitor.selfCheck`'s HOST:PORT accepts a connection, the failure says nothing about
 * the site, so it is set aside and no "site down" alert goes out; the time is recorded as the
 * monitor being offline and excluded from uptime. The verdict is cached for a few seconds.
 */
import { Resolver } from 'node:dns/promises';
import { connect } from 'node:net';
import type { Clock } from '../clock.js';

const CACHE_MS = 10_000;
const PROBE_TIMEOUT_MS = 3000;
/** Codes that mean the resolver answered (the name may simply not exist). */
const ANSWERED = new Set(['ENOTFOUND', 'ENODATA', 'ESERVFAIL', 'EREFUSED', 'EBADRESP', 'ENONAME', 'EFORMERR', 'ENOTIMP']);

export interface SelfStatus {
  online: boolean;
  /** What failed, when offline; what answered, when online. */
  reason: string;
  at: number;
}

export type SelfProbe = () => Promise<{ online: boolean; reason: string }>;

async function resolverAnswers(servers: readonly string[], name: string): Promise<string | undefined> {
  const r = new Resolver({ timeout: PROBE_TIMEOUT_MS, tries: 1 });
  if (servers.length > 0) r.setServers(servers);
  try {
    await r.resolveSoa(name);
    return undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    return ANSWERED.has(code) ? undefined : `the DNS resolver${servers.length ? ` (${servers.join(', ')})` : ''} did not answer (${code || (err as Error).message})`;
  }
}

function connects(endpoint: string): Promise<boolean> {
  const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(endpoint);
  if (!m) return Promise.resolve(false);
  return new Promise((resolve) => {
    const socket = connect({ host: m[1], port: Number(m[2]) });
    const timer = setTimeout(() => done(false), PROBE_TIMEOUT_MS);
    function done(ok: boolean) {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    }
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** The default probe: the resolver (the --dns-server ones, else the system's) and the configured endpoints. */
export function networkProbe(dnsServers: readonly string[], name: string, endpoints: readonly string[]): SelfProbe {
  return async () => {
    const [dnsProblem, reached] = await Promise.all([resolverAnswers(dnsServers, name), Promise.all(endpoints.map(connects))]);
    if (dnsProblem) return { online: false, reason: dnsProblem };
    if (endpoints.length > 0 && !reached.some(Boolean)) return { online: false, reason: `none of ${endpoints.join(', ')} accepted a connection` };
    return { online: true, reason: endpoints.length ? `resolver and ${endpoints.filter((_, i) => reached[i]).join(', ')} reachable` : 'resolver reachable' };
  };
}

export class SelfCheck {
  private last: SelfStatus | undefined;
  private pending: Promise<SelfStatus> | undefined;
  /** Called when the verdict flips, with the time it was observed. */
  onChange: (status: SelfStatus) => Promise<void> | void = () => undefined;

  constructor(
    private readonly probe: SelfProbe,
    private readonly clock: Clock,
  ) {}

  /** The latest verdict, without probing. */
  get current(): SelfStatus | undefined {
    return this.last;
  }

  status(): Promise<SelfStatus> {
    const now = this.clock.now();
    if (this.last && now - this.last.at < CACHE_MS && now >= this.last.at) return Promise.resolve(this.last);
    this.pending ??= this.refresh().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async refresh(): Promise<SelfStatus> {
    const verdict = await this.probe().catch((err: unknown) => ({ online: false, reason: `self-check failed: ${(err as Error).message}` }));
    const status = { ...verdict, at: this.clock.now() };
    const flipped = this.last !== undefined ? this.last.online !== status.online : !status.online;
    this.last = status;
    if (flipped) await this.onChange(status);
    return status;
  }
}

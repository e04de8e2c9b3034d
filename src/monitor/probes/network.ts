/**
 * The network a check uses: the project's DnsClient and HttpClient (src/net), so --dns-server,
 * --connect-to and --ca apply exactly as in the audit. The audit's clients memoise for a whole
 * run; a monitor runs for months, so every check gets its own HttpClient (a fresh connection,
 * closed afterwards) and DNS answers are shared for at most DNS_REUSE_MS. A confirmation re-check
 * asks DNS afresh too.
 */
import { DnsClient } from '../../net/dns-client.js';
import { HttpClient } from '../../net/http-client.js';
import type { NetworkSettings } from '../../net/settings.js';
import type { Clock } from '../clock.js';

const DNS_REUSE_MS = 30_000;

export interface CheckNetwork {
  settings: NetworkSettings;
  dns: DnsClient;
  http: HttpClient;
  /** Closes the check's connections. */
  close(): Promise<void>;
}

export class ProbeNetwork {
  private shared: { dns: DnsClient; since: number } | undefined;

  constructor(
    readonly settings: NetworkSettings,
    private readonly clock: Clock,
  ) {}

  /**
   * Clients for one check. The per-phase timeout is half the check's, since a request may take
   * two phases' worth (undici's overall deadline); the check runner enforces the total anyway.
   */
  forCheck(timeoutMs: number, fresh: boolean): CheckNetwork {
    const settings: NetworkSettings = { ...this.settings, timeoutMs: Math.max(50, Math.min(this.settings.timeoutMs, Math.floor(timeoutMs / 2))) };
    const dns = fresh ? new DnsClient(settings) : this.sharedDns();
    const http = new HttpClient(settings, dns);
    return { settings, dns, http, close: () => http.close() };
  }

  private sharedDns(): DnsClient {
    const now = this.clock.now();
    if (!this.shared || now - this.shared.since >= DNS_REUSE_MS || now < this.shared.since) {
      this.shared = { dns: new DnsClient(this.settings), since: now };
    }
    return this.shared.dns;
  }
}

/**
 * The audit's DNS-diff collector: the desired state from its file, the live records of the same
 * names. Asks --dns-server when given, else the zone's own name servers (so TTLs are comparable).
 */
import type { CollectContext } from '../collect/context.js';
import { authoritativeServers, readLive } from './live.js';
import { loadDesired } from './load.js';
import type { DnsState } from './state.js';

export interface DnsDiffOptions {
  /** dns.yaml (or a zone file, told apart by extension), resolved against the config's folder. */
  desiredFile: string;
}

export async function liveServers(ctx: Pick<CollectContext, 'dns' | 'settings'>, zone: string): Promise<string[]> {
  return ctx.settings.dnsServers.length > 0 ? ctx.settings.dnsServers : authoritativeServers(ctx.dns, zone);
}

export async function collectDnsState(ctx: CollectContext, options: DnsDiffOptions): Promise<DnsState> {
  const desired = await loadDesired(options.desiredFile, 'auto', ctx.plan.domain);
  ctx.progress.step(desired.zone, 'dns diff');
  const names = [...new Set(desired.sets.map((s) => s.name))];
  const live = await readLive(ctx.dns, desired.zone, names, { servers: await liveServers(ctx, desired.zone), concurrency: ctx.settings.concurrency });
  return { ...live, desired: desired.sets, desiredSource: desired.source };
}

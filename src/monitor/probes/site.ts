/**
 * What the DNS and email monitors need of the config besides the network: the domain, the hosts
 * (CAA) and the desired-state file. The collectors they reuse take an audit context, so this
 * builds the smallest honest plan: no routes, nothing with secrets.
 */
import { resolve } from 'node:path';
import pLimit from 'p-limit';
import { silentProgress, type CollectContext } from '../../collect/context.js';
import type { LoadedConfig } from '../../config/load.js';
import { hostOfUrl } from '../../config/schema.js';
import type { AuditPlan } from '../../core/plan.js';
import type { CheckNetwork } from './network.js';

export interface SiteFacts {
  domain: string;
  hosts: string[];
  /** dns.desired resolved against the config's folder. */
  desiredDnsFile: string;
  emailDomain: string;
  dkimSelectors: string[];
}

export function siteFacts(loaded: LoadedConfig): SiteFacts {
  const c = loaded.config;
  return {
    domain: c.domain,
    hosts: [...new Set([c.domain, hostOfUrl(c.canonical), ...c.hosts.map((h) => h.name), ...Object.values(c.environments).flatMap((e) => e.hosts)])],
    desiredDnsFile: resolve(loaded.dir, c.dns?.desired ?? 'dns.yaml'),
    emailDomain: c.email?.domain ?? c.domain,
    dkimSelectors: c.email?.dkimSelectors ?? [],
  };
}

export function siteContext(site: SiteFacts, net: CheckNetwork, now: number): CollectContext {
  const plan: AuditPlan = {
    product: site.domain,
    domain: site.domain,
    canonicalUrl: `https://${site.domain}/`,
    hosts: site.hosts.map((name) => ({ name, declared: true })),
    environments: [],
    routes: [],
    healthUrls: [],
    now: new Date(now).toISOString(),
  };
  return { plan, settings: net.settings, dns: net.dns, http: net.http, limit: pLimit(net.settings.concurrency), progress: silentProgress };
}

import { getDomain } from 'tldts';
import { UsageError } from '../core/errors.js';
import type { AuditPlan, EnvironmentSpec, PlannedHost } from '../core/plan.js';
import type { DnsClient } from '../net/dns-client.js';

/** The names a young shop usually has, tried under the registrable domain. */
export const DISCOVERY_PREFIXES = ['', 'www', 'app', 'api', 'admin', 'shop', 'staging', 'dev', 'preview', 'mail', 'status'];
const NON_PRODUCTION: Record<string, 'staging' | 'preview'> = { staging: 'staging', dev: 'staging', preview: 'preview' };

export interface DiscoveredHost {
  name: string;
  addresses: string[];
  cname?: string;
}

export interface Discovery {
  url: string;
  domain: string;
  canonicalUrl: string;
  hosts: DiscoveredHost[];
}

export function parseTargetUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : `https://${input}`);
  } catch {
    throw new UsageError('LR_BAD_URL', `"${input}" is not a URL or host name; try e.g. https://www.example.com`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError('LR_BAD_URL', `"${input}": only http and https URLs can be audited.`);
  return url;
}

/** Finds which of the usual names exist under the URL's registrable domain (the apex always counts). */
export async function discover(input: string, dns: DnsClient): Promise<Discovery> {
  const url = parseTargetUrl(input);
  const host = url.hostname.toLowerCase();
  // Unlisted suffixes (e.g. `.test`) count as one label, so acme.test is its own registrable domain.
  const domain = getDomain(host, { allowPrivateDomains: true }) ?? host;
  const names = [...new Set([host, ...DISCOVERY_PREFIXES.map((p) => (p ? `${p}.${domain}` : domain))])];
  const found = await Promise.all(names.map((n) => dns.lookupHost(n)));
  const hosts = found
    .filter((d) => d.status === 'ok' || d.cnames.length > 0 || d.name === host)
    .map((d) => ({ name: d.name, addresses: [...d.a, ...d.aaaa], ...(d.cnames[0] ? { cname: d.cnames[0] } : {}) }));
  return { url: url.toString(), domain, canonicalUrl: `${url.protocol}//${host}/`, hosts };
}

export function planFromDiscovery(d: Discovery, now: Date): AuditPlan {
  const envOf = (name: string) => NON_PRODUCTION[name.slice(0, -(d.domain.length + 1))] ?? 'production';
  const hosts: PlannedHost[] = d.hosts.map((h) => ({ name: h.name, environment: envOf(h.name), declared: false }));
  const environments: EnvironmentSpec[] = [];
  for (const h of hosts) {
    const name = h.environment ?? 'production';
    let env = environments.find((e) => e.name === name);
    if (!env) {
      env = { name, role: name === 'production' ? 'production' : (name as 'staging' | 'preview'), hosts: [] };
      environments.push(env);
    }
    env.hosts.push(h.name);
  }
  return {
    product: d.domain,
    domain: d.domain,
    canonicalUrl: d.canonicalUrl,
    hosts,
    environments,
    routes: [{ name: 'home', url: d.canonicalUrl, method: 'GET', headers: {}, kind: 'page', expect: { status: [] } }],
    healthUrls: [],
    now: now.toISOString(),
    stages: { email: { domain: d.domain, dkimSelectors: [] } },
  };
}

/**
 * The edge facts of a host that a deploy should not change: who issued its certificate and whether
 * browsers accept it, where http:// and https:// end up and how, and which CDN answers. A deploy
 * that silently drops the CDN, loses the https redirect or swaps in a platform certificate breaks
 * customers without failing any smoke test, so each is compared with the last good deploy.
 */
import type { HostArtifact, RedirectChain } from '../core/artifacts.js';
import { detectEdgeProvider } from '../analysis/edge-provider.js';

export interface HostFacts {
  host: string;
  tls?: { issuer: string; trusted: boolean; hostnameMatches: boolean; validTo: string; fingerprint256: string; protocol?: string };
  /** Each hop as `301 https://a/ -> https://b/`, then the final `200 https://b/`; errors as `error: …`. */
  https: string[];
  http: string[];
  edge: string | null;
}

function hops(chain: RedirectChain | undefined): string[] {
  if (!chain) return [];
  const out = chain.exchanges.map((ex) => {
    if (ex.error) return `error: ${ex.error.code}`;
    const location = ex.headers.location?.[0];
    return location !== undefined && ex.status !== undefined && ex.status >= 300 && ex.status < 400 ? `${ex.status} ${ex.url} -> ${location}` : `${ex.status} ${ex.url}`;
  });
  return chain.outcome === 'ok' || chain.outcome === 'error' ? out : [...out, chain.outcome];
}

export function hostFacts(host: HostArtifact): HostFacts {
  const leaf = host.tls?.ok ? host.tls.chain[0] : undefined;
  const facts: HostFacts = { host: host.host, https: hops(host.https), http: hops(host.http), edge: detectEdgeProvider(host)?.provider ?? null };
  if (host.tls && leaf) {
    facts.tls = {
      issuer: leaf.issuer,
      trusted: host.tls.authorized,
      hostnameMatches: host.tls.hostnameMatches,
      validTo: leaf.validTo,
      fingerprint256: leaf.fingerprint256,
      ...(host.tls.protocol ? { protocol: host.tls.protocol } : {}),
    };
  }
  return facts;
}

export interface FactChanges {
  /** Changes that break or weaken what customers get: each fails verification. */
  changed: string[];
  /** Expected churn: a renewed certificate from the same issuer. */
  notes: string[];
}

/** What changed on each host since `before` (the last good deploy); hosts new or gone are reported too. */
export function compareFacts(before: readonly HostFacts[], after: readonly HostFacts[]): FactChanges {
  const changed: string[] = [];
  const notes: string[] = [];
  const previous = new Map(before.map((f) => [f.host, f]));
  for (const now of after) {
    const was = previous.get(now.host);
    if (!was) continue;
    const h = now.host;
    if (was.tls && !now.tls) changed.push(`${h}: TLS no longer completes (was issued by ${was.tls.issuer})`);
    if (was.tls && now.tls) {
      if (was.tls.issuer !== now.tls.issuer) changed.push(`${h}: certificate issuer changed from "${was.tls.issuer}" to "${now.tls.issuer}"`);
      if (was.tls.trusted && !now.tls.trusted) changed.push(`${h}: certificate is no longer trusted by browsers`);
      if (was.tls.hostnameMatches && !now.tls.hostnameMatches) changed.push(`${h}: certificate no longer covers the host name`);
      if (was.tls.protocol && now.tls.protocol && was.tls.protocol !== now.tls.protocol) changed.push(`${h}: TLS protocol changed from ${was.tls.protocol} to ${now.tls.protocol}`);
      if (was.tls.fingerprint256 !== now.tls.fingerprint256 && was.tls.issuer === now.tls.issuer) notes.push(`${h}: certificate renewed (now valid to ${now.tls.validTo})`);
    }
    for (const scheme of ['https', 'http'] as const) {
      if (was[scheme].join('\n') !== now[scheme].join('\n')) {
        changed.push(`${h}: ${scheme}://${h}/ now goes ${now[scheme].join(' | ') || 'nowhere'} (was ${was[scheme].join(' | ') || 'nowhere'})`);
      }
    }
    if (was.edge !== now.edge) changed.push(`${h}: edge changed from ${was.edge ?? 'none'} to ${now.edge ?? 'none (origin answers directly)'}`);
  }
  return { changed, notes };
}

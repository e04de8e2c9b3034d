/** Every redirect chain an audit recorded, once each, with the target a finding about it should name. */
import type { HostArtifact, RedirectChain, RouteArtifact } from '../core/artifacts.js';
import type { RouteKind } from '../core/finding.js';
import type { AuditPlan } from '../core/plan.js';

export interface AuditedChain {
  chain: RedirectChain;
  /** The route URL for a declared route, else the host name. */
  target: string;
  routeKind?: RouteKind;
}

/**
 * Declared routes first (they carry the route's business weight), then each host's https and http
 * chains. A chain that starts where an earlier one did (same method and URL) is the same requests
 * again, so it is left out rather than reported twice.
 */
export function auditedChains(plan: AuditPlan, hosts: HostArtifact[], routes: RouteArtifact[]): AuditedChain[] {
  const all: AuditedChain[] = [];
  for (const r of routes) {
    const spec = plan.routes.find((s) => s.name === r.name);
    all.push({ chain: r.chain, target: spec?.url ?? r.chain.startUrl, ...(spec ? { routeKind: spec.kind } : {}) });
  }
  for (const h of hosts) {
    if (h.https) all.push({ chain: h.https, target: h.host });
    if (h.http) all.push({ chain: h.http, target: h.host });
  }
  const seen = new Set<string>();
  return all.filter(({ chain }) => {
    const key = `${chain.exchanges[0]?.method ?? 'GET'} ${chain.startUrl}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `{ routeKind }` to spread into a finding draft, or nothing. */
export function kindOf(entry: AuditedChain): { routeKind?: RouteKind } {
  return entry.routeKind ? { routeKind: entry.routeKind } : {};
}

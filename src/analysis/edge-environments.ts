/** Edge detection grouped by environment: hosts of one environment are expected to share an edge. */
import type { HostArtifact } from '../core/artifacts.js';
import { environmentOf, type AuditPlan } from '../core/plan.js';
import { detectEdgeProvider, type EdgeDetection } from './edge-provider.js';
import { answered, ownResponses } from './host-responses.js';

export interface EdgedHost {
  host: HostArtifact;
  edge: EdgeDetection | null;
}

export interface EdgeEnvironment {
  /** The environment's name, or `(no environment)`. */
  name: string;
  hosts: EdgedHost[];
}

/** Hosts that answered HTTP (those failing DNS or connect say nothing about an edge), by environment. */
export function edgeEnvironments(plan: AuditPlan, hosts: HostArtifact[]): EdgeEnvironment[] {
  const groups = new Map<string, EdgedHost[]>();
  for (const host of hosts.filter(answered)) {
    const name = environmentOf(plan, host.host)?.name ?? host.environment ?? '(no environment)';
    groups.set(name, [...(groups.get(name) ?? []), { host, edge: detectEdgeProvider(host) }]);
  }
  return [...groups].map(([name, list]) => ({ name, hosts: list }));
}

/** What shows the host answers by itself: its first response, server header and addresses. */
export function directAnswer(host: HostArtifact): string {
  const first = ownResponses(host)[0];
  const server = first?.headers.server?.[0];
  const addresses = [...host.dns.a, ...host.dns.aaaa].join(', ') || 'no address';
  const cname = host.dns.cnames.length > 0 ? `, CNAME ${host.dns.cnames.join(' -> ')}` : '';
  return `${first ? `${first.method} ${first.url} -> ${first.status}` : host.host}${server ? ` (server: ${server})` : ''} from ${addresses}${cname}`;
}

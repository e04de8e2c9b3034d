/** The responses a host itself gave, out of the redirect chains recorded for it. */
import type { HostArtifact, HttpExchange } from '../core/artifacts.js';
import { hostnameOf, isSuccess } from './http-exchange.js';

/**
 * Every exchange of the host's https and http chains that was answered by this host (not by the
 * host a redirect led to), each URL once, https chain first.
 */
export function ownResponses(host: HostArtifact): HttpExchange[] {
  const seen = new Set<string>();
  const out: HttpExchange[] = [];
  for (const ex of [...(host.https?.exchanges ?? []), ...(host.http?.exchanges ?? [])]) {
    if (ex.status === undefined || hostnameOf(ex.url) !== host.host || seen.has(ex.url)) continue;
    seen.add(ex.url);
    out.push(ex);
  }
  return out;
}

/** Whether the host answered HTTP at all; hosts that fail DNS or connect did not. */
export function answered(host: HostArtifact): boolean {
  return host.dns.status === 'ok' && ownResponses(host).length > 0;
}

/** The first 2xx the host served itself, if any. */
export function servedContent(host: HostArtifact): HttpExchange | undefined {
  return ownResponses(host).find(isSuccess);
}

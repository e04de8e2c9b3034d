/**
 * The route map: for each public name, what it points at end to end (CNAME chain, addresses, edge
 * provider, where https://host/ lands, the versions its addresses run, its certificate), and an
 * arrow diagram of the same for the terminal and Markdown reporters.
 */
import type { Artifacts, HostArtifact, VersionProbe } from '../core/artifacts.js';
import { detectEdgeProvider } from '../analysis/edge-provider.js';
import { oneLine, wrap } from './plain-text.js';
import type { RouteMapEntry } from './types.js';

/** `1.4.2 (3f2a9c1)`, `1.4.2`, or a short commit, for one probe; undefined when it reported nothing. */
function versionLabel(p: VersionProbe): string | undefined {
  const commit = p.commit?.slice(0, 7);
  if (p.version) return commit ? `${p.version} (${commit})` : p.version;
  return commit;
}

/** The first thing that stopped the host from answering, in the order a browser meets them. */
function failureOf(h: HostArtifact): string | undefined {
  if (h.dns.status !== 'ok') return `DNS ${h.dns.status}${h.dns.error ? `: ${h.dns.error.message}` : ''}`;
  if (h.tls && !h.tls.ok) return `TLS: ${h.tls.error?.message ?? 'handshake failed'}`;
  const last = h.https?.exchanges.at(-1);
  if (h.https && h.https.outcome !== 'ok') return `HTTPS ${h.https.outcome}${last?.error ? `: ${last.error.message}` : ''}`;
  return undefined;
}

export function buildRouteMap(artifacts: Artifacts): RouteMapEntry[] {
  return (artifacts.hosts ?? []).map((h) => {
    const edge = detectEdgeProvider(h);
    const last = h.https?.exchanges.at(-1);
    const leaf = h.tls?.chain[0];
    const versions = (artifacts.versions ?? []).filter((v) => v.host === h.host).map(versionLabel);
    const error = failureOf(h);
    return {
      host: h.host,
      ...(h.environment ? { environment: h.environment } : {}),
      cnames: h.dns.cnames,
      addresses: [...h.dns.a, ...h.dns.aaaa],
      edge: edge?.provider ?? null,
      ...(edge ? { edgeVia: edge.via, edgeEvidence: edge.evidence } : {}),
      ...(last?.status !== undefined ? { finalUrl: last.url, status: last.status } : {}),
      versions: [...new Set(versions.filter((v): v is string => v !== undefined))],
      ...(leaf ? { tls: { issuer: leaf.issuer, validTo: leaf.validTo, ...(h.tls?.protocol ? { protocol: h.tls.protocol } : {}) } } : {}),
      ...(error ? { error } : {}),
    };
  });
}

/** `Let's Encrypt (R3)` from `C=US, O=Let's Encrypt, CN=R3`: the organisation and the CA's name. */
export function issuerName(issuer: string): string {
  const field = (key: string) => new RegExp(`(?:^|,\\s*)${key}=([^,]+)`).exec(issuer)?.[1]?.trim();
  const [o, cn] = [field('O'), field('CN')];
  if (o && cn && o !== cn) return `${o} (${cn})`;
  return o ?? cn ?? issuer;
}

/** The hops of one row, left to right: CNAMEs, addresses, edge, final response, versions. */
export function routeHops(r: RouteMapEntry): string[] {
  const hops = r.cnames.map((c) => `CNAME ${c}`);
  hops.push(r.addresses.length > 0 ? r.addresses.join(', ') : 'no address');
  if (r.addresses.length > 0) hops.push(r.edge ? `edge: ${r.edge}` : 'no edge');
  if (r.finalUrl) hops.push(`${r.status} ${r.finalUrl}`);
  if (r.versions.length > 0) hops.push(`version ${r.versions.join(' / ')}`);
  if (r.error) hops.push(`FAILED ${r.error}`);
  return hops.map(oneLine);
}

/**
 * The diagram as text lines: the host, then its hops joined by arrows, wrapped between hops to
 * `width` columns.
 *
 *   www.acme.test (production)
 *     -> CNAME shop.cdn.test -> 192.0.2.10 -> edge: Cloudflare -> 200 https://www.acme.test/
 */
export function routeDiagram(routes: readonly RouteMapEntry[], width = 100): string[] {
  const lines: string[] = [];
  for (const r of routes) {
    lines.push(oneLine(r.environment ? `${r.host} (${r.environment})` : r.host));
    let line = '  ->';
    let empty = true;
    for (const hop of routeHops(r)) {
      if (!empty && line.length + hop.length + 4 > width) {
        lines.push(...wrap(line, width));
        line = '     ->';
        empty = true;
      }
      line = empty ? `${line} ${hop}` : `${line} -> ${hop}`;
      empty = false;
    }
    // A single hop longer than a line (a long final URL) is wrapped inside itself.
    lines.push(...wrap(line, width));
  }
  return lines;
}

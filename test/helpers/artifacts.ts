/** Literal artifact builders for check tests: every field has a sane default, override what matters. */
import type {
  Artifacts,
  AssetProbe,
  CertificateInfo,
  CollectedArtifacts,
  CorsProbe,
  DnsLookup,
  HealthProbe,
  HostArtifact,
  HttpExchange,
  NetErrorCode,
  RedirectChain,
  RouteArtifact,
  TlsProbe,
  VersionProbe,
} from '../../src/core/artifacts.js';
import type { AuditPlan, RouteSpec } from '../../src/core/plan.js';

export const NOW = '2026-11-28T12:00:00.000Z';

export function plan(over: Partial<AuditPlan> = {}): AuditPlan {
  return {
    product: 'Acme',
    domain: 'acme.test',
    canonicalUrl: 'https://www.acme.test/',
    hosts: [
      { name: 'acme.test', environment: 'production', declared: true },
      { name: 'www.acme.test', environment: 'production', declared: true },
    ],
    environments: [{ name: 'production', role: 'production', hosts: ['acme.test', 'www.acme.test'] }],
    routes: [],
    healthUrls: [],
    now: NOW,
    ...over,
  };
}

export function route(over: Partial<RouteSpec> & { name: string; url: string }): RouteSpec {
  return { method: 'GET', headers: {}, kind: 'page', expect: { status: [] }, ...over };
}

/** Header names are lower-cased; a string value becomes a one-element list. */
export function exchange(
  over: Partial<Omit<HttpExchange, 'headers'>> & { url: string; headers?: Record<string, string | string[]> },
): HttpExchange {
  const headers: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(over.headers ?? {})) headers[k.toLowerCase()] = Array.isArray(v) ? v : [v];
  const body = over.body ?? '';
  return {
    method: 'GET',
    status: 200,
    bodyBytes: Buffer.byteLength(body),
    truncated: false,
    timings: { ttfbMs: 5, totalMs: 6 },
    ...over,
    body,
    headers,
  };
}

export function redirect(url: string, location: string, status = 301): HttpExchange {
  return exchange({ url, status, headers: { location } });
}

export function chain(...exchanges: HttpExchange[]): RedirectChain {
  const last = exchanges[exchanges.length - 1];
  return { startUrl: exchanges[0].url, exchanges, outcome: last?.error ? 'error' : 'ok' };
}

export function dns(name: string, over: Partial<DnsLookup> = {}): DnsLookup {
  return { name, cnames: [], a: ['192.0.2.10'], aaaa: [], status: 'ok', ...over };
}

export function cert(over: Partial<CertificateInfo> = {}): CertificateInfo {
  return {
    subject: 'CN=acme.test',
    issuer: 'CN=Test CA',
    subjectAltNames: ['DNS:acme.test', 'DNS:*.acme.test'],
    validFrom: '2026-10-01T00:00:00.000Z',
    validTo: '2027-10-01T00:00:00.000Z',
    serialNumber: '01',
    fingerprint256: 'AA:BB',
    keyType: 'EC',
    keyBits: 256,
    signatureAlgorithm: 'ecdsa-with-SHA256',
    selfSigned: false,
    ...over,
  };
}

export function tls(host: string, over: Partial<TlsProbe> = {}): TlsProbe {
  return {
    host,
    port: 443,
    ok: true,
    protocol: 'TLSv1.3',
    cipher: 'TLS_AES_256_GCM_SHA384',
    authorized: true,
    hostnameMatches: true,
    chain: [cert({ subject: `CN=${host}` })],
    legacyProtocols: { TLSv1: false, 'TLSv1.1': false },
    ...over,
  };
}

/** A healthy host: resolves, valid TLS, http redirects to https, https answers 200 with the given headers. */
export function host(name: string, over: Partial<HostArtifact> & { headers?: Record<string, string | string[]> } = {}): HostArtifact {
  const { headers, ...rest } = over;
  return {
    host: name,
    environment: 'production',
    dns: dns(name),
    tls: tls(name),
    https: chain(exchange({ url: `https://${name}/`, headers: { 'content-type': 'text/html', ...headers }, body: '<html></html>' })),
    http: chain(redirect(`http://${name}/`, `https://${name}/`), exchange({ url: `https://${name}/`, headers: { 'content-type': 'text/html', ...headers } })),
    ...rest,
  };
}

/** A request that got no response: DNS, connect, TLS or timeout failure. */
export function failedExchange(url: string, code: NetErrorCode, message: string): HttpExchange {
  return exchange({ url, status: undefined, error: { code, message } });
}

/** What the routes collector records for one declared route. */
export function routeRun(name: string, ...exchanges: HttpExchange[]): RouteArtifact {
  return { name, chain: chain(...exchanges) };
}

/** A version endpoint answer from one address of a host; `version`/`commit` also land in the JSON body. */
export function versionProbe(
  hostName: string,
  address: string,
  over: Partial<Omit<VersionProbe, 'host' | 'address'>> = {},
): VersionProbe {
  const url = over.url ?? `https://${hostName}/api/version`;
  const body = JSON.stringify({ version: over.version, commit: over.commit, environment: over.reportedEnvironment });
  return {
    environment: 'production',
    host: hostName,
    address,
    url,
    exchange: exchange({ url, address, headers: { 'content-type': 'application/json' }, body }),
    ...over,
  };
}

export function healthProbe(url: string, over: Partial<Parameters<typeof exchange>[0]> = {}): HealthProbe {
  return { url, exchange: exchange({ url, headers: { 'content-type': 'application/json' }, body: '{"status":"ok"}', ...over }) };
}

export function assetProbe(url: string, headers: Record<string, string>, over: { body?: string; pageUrl?: string; status?: number } = {}): AssetProbe {
  return { pageUrl: over.pageUrl ?? 'https://www.acme.test/', url, exchange: exchange({ url, headers, body: over.body ?? 'x', status: over.status ?? 200 }) };
}

export function corsProbe(url: string, headers: Record<string, string>, origin = 'https://launch-ready-probe.example'): CorsProbe {
  return { url, origin, exchange: exchange({ url, method: 'OPTIONS', status: 204, headers }) };
}

/** A whole artifact set: every collected list defaults to empty, the plan to plan(). */
export function collected(over: Partial<CollectedArtifacts> & { plan?: AuditPlan } = {}): Artifacts {
  return { plan: plan(), hosts: [], routes: [], versions: [], health: [], assets: [], cors: [], ...over };
}

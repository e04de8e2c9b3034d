/** Literal artifact builders for check tests: every field has a sane default, override what matters. */
import type { DnsLookup, HostArtifact, HttpExchange, RedirectChain, TlsProbe, CertificateInfo } from '../../src/core/artifacts.js';
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

/**
 * What each host of the demo world does with a request, as the edge (CDN, load balancer, reverse
 * proxy) in front of the shop would: which deployment serves it, http→https and apex→www redirects,
 * the pre-release environments' password, HSTS and security headers, CDN emulation and compression. Host-level faults
 * are read here, at request time.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { FaultName, FaultState } from './faults.js';
import { HOST, MTA_STS_HOST, SECONDARY_ADDRESS, WEB_HOSTS } from './hosts.js';
import { MTA_STS_PATH, MTA_STS_POLICY } from './mta-sts-policy.js';

export type FetchHandler = (request: Request) => Response | Promise<Response>;

export interface Connection {
  /** The local address the client connected to (127.0.0.1 or 127.0.0.2). */
  localAddress: string;
  secure: boolean;
}

export interface EdgeOptions {
  faults: FaultState;
  deployments: { production: FetchHandler; previous: FetchHandler; staging: FetchHandler; preview: FetchHandler };
  statusPage: FetchHandler;
  /** The version endpoint is served by every host, even one that redirects everything else. */
  versionPath: string;
  stagingCredentials: { user: string; password: string };
}

/** RFC 6797 §6.1: two years, and every subdomain. */
const HSTS = 'max-age=63072000; includeSubDomains';
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' https://api.acme.test; form-action 'self'; base-uri 'self'; object-src 'none'";
/** How long api.acme.test stalls under `api-stall`: past the audit's and the monitor's timeouts. */
const API_STALL_MS = 20_000;
/** Text over this many bytes is worth compressing. */
const COMPRESS_MIN_BYTES = 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/;

function redirect(status: number, location: string): Response {
  return new Response(null, { status, headers: { location, 'cache-control': 'no-store' } });
}

function rewrite(request: Request, url: URL, path: string): Request {
  return new Request(new URL(`${path}${url.search}`, url), request);
}

function text(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers } });
}

/** The best coding the client accepts (RFC 9110 §12.5.3), preferring br; q=0 refuses. */
function chooseEncoding(acceptEncoding: string | null): 'br' | 'gzip' | undefined {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)).find(Boolean);
    if (name) accepted.set(name, q ? Number(q[1]) : 1);
  }
  if ((accepted.get('br') ?? 0) > 0) return 'br';
  if ((accepted.get('gzip') ?? 0) > 0) return 'gzip';
  return undefined;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createEdge(options: EdgeOptions): (request: Request, connection: Connection) => Promise<Response> {
  const { faults, deployments, versionPath } = options;
  const on = (name: FaultName, host: string) => faults.on(name, host);
  const basic = `Basic ${Buffer.from(`${options.stagingCredentials.user}:${options.stagingCredentials.password}`).toString('base64')}`;

  function deploymentFor(host: string, connection: Connection): FetchHandler {
    if (host === HOST.preview) return deployments.preview;
    if (host === HOST.staging || (host === HOST.app && on('app-on-staging', host))) return deployments.staging;
    if (connection.localAddress === SECONDARY_ADDRESS && on('stale-address', host)) return deployments.previous;
    return deployments.production;
  }

  /** Pre-release environments: a password (RFC 7617) and no crawling; the version endpoint stays open so deploys can be verified. */
  function protectedDeployment(request: Request, path: string, deployment: FetchHandler): Response | Promise<Response> {
    if (path === '/robots.txt') return text(200, 'User-agent: *\nDisallow: /\n');
    if (path !== versionPath && !sameSecret(request.headers.get('authorization') ?? '', basic)) {
      return text(401, 'This environment is password-protected.\n', { 'www-authenticate': 'Basic realm="Acme pre-release", charset="UTF-8"' });
    }
    return deployment(request);
  }

  /** What https://host/… serves (and http://host/… when https is not enforced). */
  async function serve(request: Request, url: URL, host: string, connection: Connection): Promise<Response> {
    const path = url.pathname;
    const deployment = deploymentFor(host, connection);
    switch (host) {
      case HOST.status:
        return options.statusPage(request);
      case HOST.apex:
        if (path !== versionPath && !on('conflicting-canonical', host)) return redirect(301, `https://${HOST.www}${path}${url.search}`);
        return deployment(request);
      case HOST.shop:
        if (path !== versionPath) return redirect(301, `https://${HOST.www}${path}${url.search}`);
        return deployment(request);
      case HOST.www:
        // An old CMS path, kept for bookmarks.
        if (path === '/home') return redirect(301, `https://${HOST.www}/`);
        return deployment(request);
      case HOST.app:
        if (path === '/') {
          if (on('redirect-downgrade', host) && connection.secure) return redirect(301, `http://${HOST.app}/account`);
          return deployment(rewrite(request, url, '/account'));
        }
        return deployment(request);
      case HOST.api:
        return deployment(path === '/' ? rewrite(request, url, '/api') : request);
      case HOST.admin:
        if (on('redirect-loop', host) && connection.secure) {
          // Two rules fighting over the trailing slash.
          if (path === '/' || path === '/admin') return redirect(301, `https://${HOST.admin}/admin/`);
          if (path === '/admin/') return redirect(301, `https://${HOST.admin}/admin`);
        }
        return deployment(path === '/' ? rewrite(request, url, '/admin') : request);
      case HOST.preview:
        if (path === versionPath && on('preview-no-version', host)) return text(404, 'Not found');
        return protectedDeployment(request, path, deployment);
      case HOST.staging:
        if (on('staging-public', host)) return deployment(request);
        return protectedDeployment(request, path, deployment);
      default:
        return deployment(request);
    }
  }

  /** What http://host/… does: redirect to https (one hop, straight to www for the apex), or serve. */
  function plain(request: Request, url: URL, host: string, connection: Connection): Promise<Response> | Response {
    if (on('https-not-enforced', host)) return serve(request, url, host, connection);
    if (host === HOST.www && url.pathname === '/' && on('redirect-chain', host)) return redirect(301, `http://${HOST.www}/home`);
    const canonicalHost = (host === HOST.apex && !on('conflicting-canonical', host)) || host === HOST.shop ? HOST.www : host;
    return redirect(on('redirect-temporary', host) ? 302 : 301, `https://${canonicalHost}${url.pathname}${url.search}`);
  }

  function securityHeaders(headers: Headers, host: string, secure: boolean): void {
    const frames = !on('frame-missing', host);
    if (!on('csp-missing', host)) headers.set('content-security-policy', frames ? `${CSP}; frame-ancestors 'none'` : CSP);
    if (frames) headers.set('x-frame-options', 'DENY');
    if (!on('nosniff-missing', host)) headers.set('x-content-type-options', 'nosniff');
    if (!on('referrer-missing', host)) headers.set('referrer-policy', 'strict-origin-when-cross-origin');
    headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
    // RFC 6797 §7.2: never over plain http.
    if (secure && !on('hsts-missing', host)) headers.set('strict-transport-security', on('hsts-weak', host) ? 'max-age=86400' : HSTS);
    if (host === HOST.preview || (host === HOST.staging && !on('staging-public', host))) headers.set('x-robots-tag', 'noindex, nofollow');
  }

  /** Cloudflare-style response headers for hosts proxied by the CDN; the origin's own otherwise. */
  function edgeHeaders(headers: Headers, host: string): void {
    if (on('staging-no-cdn', host) || on('api-origin-exposed', host)) {
      headers.set('server', 'nginx');
      return;
    }
    const cacheControl = headers.get('cache-control') ?? '';
    const cached = /\bpublic\b/.test(cacheControl) && /\bmax-age=[1-9]/.test(cacheControl);
    headers.set('server', 'cloudflare');
    headers.set('cf-ray', `${randomBytes(8).toString('hex')}-LHR`);
    headers.set('cf-cache-status', cached ? 'HIT' : 'DYNAMIC');
  }

  async function finish(request: Request, response: Response, host: string, secure: boolean): Promise<Response> {
    const headers = new Headers(response.headers);
    securityHeaders(headers, host, secure);
    edgeHeaders(headers, host);
    if (response.body === null || request.method === 'HEAD') return new Response(response.body, { status: response.status, headers });
    const compressible = COMPRESSIBLE.test(headers.get('content-type') ?? '') && !headers.has('content-encoding');
    if (!compressible || on('uncompressed', host)) return new Response(response.body, { status: response.status, headers });
    const raw = Buffer.from(await response.arrayBuffer());
    const encoding = raw.length > COMPRESS_MIN_BYTES ? chooseEncoding(request.headers.get('accept-encoding')) : undefined;
    if (raw.length > COMPRESS_MIN_BYTES) headers.append('vary', 'Accept-Encoding');
    if (!encoding) return new Response(raw, { status: response.status, headers });
    const body = encoding === 'br' ? brotliCompressSync(raw) : gzipSync(raw);
    headers.set('content-encoding', encoding);
    headers.delete('content-length');
    return new Response(body, { status: response.status, headers });
  }

  return async (request, connection) => {
    const url = new URL(request.url);
    const host = url.hostname.toLowerCase();
    // RFC 8461 §3.3: senders fetch the policy over HTTPS only and follow no redirect, so it is served right there.
    if (host === MTA_STS_HOST) {
      if (!connection.secure) return redirect(301, `https://${MTA_STS_HOST}${url.pathname}`);
      return url.pathname === MTA_STS_PATH ? text(200, MTA_STS_POLICY, { 'cache-control': 'max-age=86400' }) : text(404, 'Not found\n');
    }
    // RFC 9110 §15.5.20: this front is not authoritative for other names.
    if (!WEB_HOSTS.includes(host)) return text(421, `This server does not serve ${host}.\n`);
    if (on('www-down', host)) return text(503, 'No healthy upstream.\n', { 'retry-after': '30' });
    // Unref'd: a stalled answer never keeps the process alive once the world is closed.
    if (on('api-stall', host)) await new Promise((resolve) => setTimeout(resolve, API_STALL_MS).unref());
    const response = connection.secure ? await serve(request, url, host, connection) : await plain(request, url, host, connection);
    return finish(request, response, host, connection.secure);
  };
}

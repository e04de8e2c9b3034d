/**
 * The demo world's planted faults. Each is a named toggle read at request time, so a running world
 * can be broken and repaired (monitoring demos). Adding a fault: add an entry here, then read it with
 * `faults.on(name, host)` in the one place it takes effect.
 */
import { UsageError } from '../core/errors.js';

export interface FaultSpec {
  name: string;
  description: string;
  /** Audit check ids the fault makes fire. */
  checks: readonly string[];
  /** Where it is planted; the fault acts only on these hosts. Empty: wherever it applies. */
  hosts: readonly string[];
  enabledByDefault: boolean;
}

export const FAULTS = [
  // Traffic map
  { name: 'checkout-down', description: 'The checkout page answers 502: its payment backend is unreachable.', checks: ['route.unreachable'], hosts: ['www.acme.test'], enabledByDefault: true },
  { name: 'missing-record', description: 'shop.acme.test is declared but has no DNS record.', checks: ['dns.missing-record'], hosts: ['shop.acme.test'], enabledByDefault: true },
  { name: 'dangling-cname', description: 'status.acme.test is a CNAME to a status-page site that no longer exists (takeover risk).', checks: ['dns.dangling-cname'], hosts: ['status.acme.test'], enabledByDefault: true },
  { name: 'stale-address', description: 'acme.test resolves to 127.0.0.1 and 127.0.0.2; the second still runs the previous release.', checks: ['dns.stale-address'], hosts: ['acme.test'], enabledByDefault: true },
  { name: 'preview-no-version', description: 'The preview environment (preview.acme.test) has no version endpoint: /api/version is 404.', checks: ['deploy.version-endpoint-missing'], hosts: ['preview.acme.test'], enabledByDefault: true },
  { name: 'staging-public', description: 'staging.acme.test is public: no password, no noindex, robots.txt allows crawling.', checks: ['env.preview-exposed'], hosts: ['staging.acme.test'], enabledByDefault: true },
  { name: 'app-on-staging', description: 'app.acme.test is served by the staging deployment (newer version, environment "staging").', checks: ['env.mixed', 'deploy.version-mismatch'], hosts: ['app.acme.test'], enabledByDefault: true },
  // TLS
  { name: 'tls-expired', description: 'admin.acme.test serves a certificate that expired 20 days ago.', checks: ['tls.expired'], hosts: ['admin.acme.test'], enabledByDefault: true },
  { name: 'tls-expiring-soon', description: 'api.acme.test serves a certificate that expires in 9 days.', checks: ['tls.expiring-soon'], hosts: ['api.acme.test'], enabledByDefault: true },
  { name: 'tls-wrong-name', description: "app.acme.test serves the hosting platform's certificate for another name (so the account route on it fails too).", checks: ['tls.hostname-mismatch', 'route.unreachable'], hosts: ['app.acme.test'], enabledByDefault: true },
  { name: 'tls-untrusted', description: 'staging.acme.test serves a certificate from a CA nobody trusts.', checks: ['tls.untrusted'], hosts: ['staging.acme.test'], enabledByDefault: true },
  { name: 'tls-legacy-protocol', description: 'acme.test still accepts TLS 1.0 and 1.1.', checks: ['tls.legacy-protocol'], hosts: ['acme.test'], enabledByDefault: true },
  { name: 'tls-weak-key', description: 'acme.test serves an RSA 1024-bit certificate signed with SHA-1 (which also fails verification).', checks: ['tls.weak-key', 'tls.untrusted'], hosts: ['acme.test'], enabledByDefault: true },
  { name: 'https-not-enforced', description: 'http://admin.acme.test/ serves the page instead of redirecting to https.', checks: ['https.not-enforced'], hosts: ['admin.acme.test'], enabledByDefault: true },
  // HSTS and redirects
  { name: 'hsts-missing', description: 'api.acme.test sends no Strict-Transport-Security header.', checks: ['hsts.missing'], hosts: ['api.acme.test'], enabledByDefault: true },
  { name: 'hsts-weak', description: 'www.acme.test sends HSTS with max-age=86400 and no includeSubDomains.', checks: ['hsts.weak'], hosts: ['www.acme.test'], enabledByDefault: true },
  { name: 'redirect-loop', description: 'https://admin.acme.test/ bounces between /admin/ and /admin for ever.', checks: ['redirect.loop'], hosts: ['admin.acme.test'], enabledByDefault: true },
  { name: 'redirect-chain', description: 'http://www.acme.test/ takes three hops (/home, https, /) to reach the canonical URL.', checks: ['redirect.chain'], hosts: ['www.acme.test'], enabledByDefault: true },
  { name: 'conflicting-canonical', description: 'https://acme.test/ serves the shop instead of redirecting to www, so both hosts serve content.', checks: ['redirect.conflicting-canonical'], hosts: ['acme.test'], enabledByDefault: true },
  { name: 'redirect-temporary', description: 'http://app.acme.test/ upgrades to https with a 302 instead of a 301.', checks: ['redirect.temporary'], hosts: ['app.acme.test'], enabledByDefault: true },
  { name: 'redirect-downgrade', description: 'https://app.acme.test/ redirects to http://app.acme.test/account (a three-hop chain back to https).', checks: ['redirect.downgrade', 'redirect.chain'], hosts: ['app.acme.test'], enabledByDefault: true },
  // Edge
  { name: 'staging-no-cdn', description: 'staging.acme.test is served straight from the origin, with no CDN in front (reported while staging is public: see staging-public).', checks: ['edge.unprotected'], hosts: ['staging.acme.test'], enabledByDefault: true },
  { name: 'api-origin-exposed', description: 'api.acme.test bypasses the CDN the other production hosts use.', checks: ['edge.origin-exposed'], hosts: ['api.acme.test'], enabledByDefault: true },
  // Headers, cookies, CORS
  { name: 'csp-missing', description: 'www.acme.test sends no Content-Security-Policy.', checks: ['headers.csp-missing'], hosts: ['www.acme.test'], enabledByDefault: true },
  { name: 'nosniff-missing', description: 'www.acme.test sends no X-Content-Type-Options: nosniff.', checks: ['headers.nosniff-missing'], hosts: ['www.acme.test'], enabledByDefault: true },
  { name: 'frame-missing', description: 'www.acme.test sends neither X-Frame-Options nor CSP frame-ancestors.', checks: ['headers.frame-missing'], hosts: ['www.acme.test'], enabledByDefault: true },
  { name: 'referrer-missing', description: 'www.acme.test sends no Referrer-Policy.', checks: ['headers.referrer-missing'], hosts: ['www.acme.test'], enabledByDefault: true },
  { name: 'cookie-insecure', description: 'The login sets its session cookie without Secure, HttpOnly or SameSite.', checks: ['cookie.insecure'], hosts: ['www.acme.test'], enabledByDefault: true },
  { name: 'cors-reflect', description: 'The API reflects any Origin with Access-Control-Allow-Credentials: true.', checks: ['cors.wildcard-credentials'], hosts: ['api.acme.test'], enabledByDefault: true },
  // Caching and transfer
  { name: 'private-cached', description: 'The home page sets a cart cookie and is publicly cacheable for an hour.', checks: ['cache.private-cached'], hosts: ['www.acme.test'], enabledByDefault: true },
  { name: 'static-uncached', description: 'Fingerprinted assets are served with Cache-Control: no-cache.', checks: ['cache.static-uncached'], hosts: ['www.acme.test'], enabledByDefault: true },
  { name: 'uncompressed', description: 'www.acme.test ignores Accept-Encoding and sends its HTML and bundles uncompressed.', checks: ['http.uncompressed'], hosts: ['www.acme.test'], enabledByDefault: true },
  // Observability
  { name: 'chat-health-missing', description: "The chat service's health endpoint /api/chat/health is 404.", checks: ['health.missing'], hosts: ['api.acme.test'], enabledByDefault: true },
  { name: 'health-shallow', description: '/api/health says ok without reporting the database or the model provider.', checks: ['health.shallow'], hosts: ['api.acme.test'], enabledByDefault: true },
  { name: 'tracing-missing', description: 'The orders API sends neither Server-Timing nor a request id.', checks: ['tracing.missing'], hosts: ['api.acme.test'], enabledByDefault: true },
] as const satisfies readonly FaultSpec[];

export type FaultName = (typeof FAULTS)[number]['name'];

export interface FaultStatus extends FaultSpec {
  on: boolean;
}

export interface FaultOptions {
  /** Every fault off. */
  fixed?: boolean;
  /** Per-fault overrides, applied after `fixed`. */
  faults?: Record<string, boolean>;
}

const SPECS = new Map<string, FaultSpec>(FAULTS.map((f) => [f.name, f]));

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

function unknownFault(name: string): UsageError {
  const closest = [...SPECS.keys()].sort((a, b) => distance(name, a) - distance(name, b))[0];
  return new UsageError('LR_UNKNOWN_FAULT', `Unknown fault "${name}". Did you mean "${closest}"? List them with \`launch-ready demo --list-faults\`.`);
}

function isFaultName(name: string): name is FaultName {
  return SPECS.has(name);
}

/** Which faults are on; read at request time, changed while the world runs. */
export class FaultState {
  private readonly enabled = new Set<string>();
  private readonly listeners = new Set<(name: FaultName, on: boolean) => void>();

  constructor(options: FaultOptions = {}) {
    for (const f of FAULTS) if (!options.fixed && f.enabledByDefault) this.enabled.add(f.name);
    for (const [name, on] of Object.entries(options.faults ?? {})) this.set(name, on);
  }

  /** Whether the fault is on, and, when a host is given, planted on that host. */
  on(name: FaultName, host?: string): boolean {
    if (!this.enabled.has(name)) return false;
    const hosts = SPECS.get(name)!.hosts;
    return host === undefined || hosts.length === 0 || hosts.includes(host);
  }

  /** Throws a usage error naming the closest fault when the name is unknown. */
  set(name: string, on: boolean): void {
    if (!isFaultName(name)) throw unknownFault(name);
    if (this.enabled.has(name) === on) return;
    if (on) this.enabled.add(name);
    else this.enabled.delete(name);
    for (const listener of this.listeners) listener(name, on);
  }

  list(): FaultStatus[] {
    return FAULTS.map((f) => ({ ...f, on: this.enabled.has(f.name) }));
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: (name: FaultName, on: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

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
  { name: 'missing-record', description: 'shop.acme.test is declared but has no DNS record.', checks: ['dns.missing-record', 'dns.subdomain-broken'], hosts: ['shop.acme.test'], enabledByDefault: true },
  { name: 'dangling-cname', description: 'status.acme.test is a CNAME to a status-page site that no longer exists (takeover risk).', checks: ['dns.dangling-cname', 'dns.subdomain-broken'], hosts: ['status.acme.test'], enabledByDefault: true },
  { name: 'stale-address', description: 'acme.test resolves to 127.0.0.1 and 127.0.0.2; the second still runs the previous release.', checks: ['dns.stale-address'], hosts: ['acme.test'], enabledByDefault: true },
  { name: 'preview-no-version', description: 'The preview environment (preview.acme.test) has no version endpoint: /api/version is 404.', checks: ['deploy.version-endpoint-missing'], hosts: ['preview.acme.test'], enabledByDefault: true },
  { name: 'staging-public', description: 'staging.acme.test is public: no password, no noindex, robots.txt allows crawling.', checks: ['env.preview-exposed'], hosts: ['staging.acme.test'], enabledByDefault: true },
  { name: 'login-callback-broken', description: 'The latest deploy broke the sign-in callback: /auth/callback answers 500 (the OAuth client secret is missing from the release).', checks: ['route.unreachable'], hosts: ['www.acme.test'], enabledByDefault: true },
  { name: 'app-on-staging', description: 'app.acme.test is served by the staging deployment (newer version, environment "staging").', checks: ['env.mixed', 'deploy.version-mismatch'], hosts: ['app.acme.test'], enabledByDefault: true },
  // TLS
  { name: 'tls-expired', description: 'admin.acme.test serves a certificate that expired 20 days ago.', checks: ['tls.expired'], hosts: ['admin.acme.test'], enabledByDefault: true },
  { name: 'tls-expiring-soon', description: 'api.acme.test serves a certificate that expires in 9 days.', checks: ['tls.expiring-soon'], hosts: ['api.acme.test'], enabledByDefault: true },
  { name: 'tls-wrong-name', description: "app.acme.test serves the hosting platform's certificate for another name (so the account route on it fails too).", checks: ['tls.hostname-mismatch', 'route.unreachable'], hosts: ['app.acme.test'], enabledByDefault: true },
  { name: 'tls-untrusted', description: 'staging.acme.test serves a certificate from a CA nobody trusts.', checks: ['tls.untrusted'], hosts: ['staging.acme.test'], enabledByDefault: true },
  { name: 'tls-legacy-protocol', description: 'acme.test still accepts TLS 1.0 and 1.1.', checks: ['tls.legacy-protocol'], hosts: ['acme.test'], enabledByDefault: true },
  { name: 'tls-weak-key', description: 'acme.test serves an RSA 1024-bit certificate signed with SHA-1.', checks: ['tls.weak-key'], hosts: ['acme.test'], enabledByDefault: true },
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
  // Secrets: what the site serves (src/demo/leaks.ts) and the demo repository made at start (src/demo/demo-repo.ts)
  { name: 'bundle-secret-keys', description: "www.acme.test's fingerprinted JS bundle inlines an OpenAI project key (sk-proj-…) and a Stripe live secret key (sk_live_…).", checks: ['secret.in-frontend'], hosts: ['www.acme.test'], enabledByDefault: true },
  { name: 'sourcemap-db-url', description: "www.acme.test publishes the bundle's source map (sourceMappingURL, at <bundle>.js.map); its sourcesContent holds a server module with a Postgres URL and password.", checks: ['exposure.sourcemap', 'secret.in-sourcemap'], hosts: ['www.acme.test'], enabledByDefault: true },
  { name: 'env-file-served', description: 'https://www.acme.test/.env serves the production .env (database URL, Stripe and OpenAI keys).', checks: ['exposure.env-file'], hosts: ['www.acme.test'], enabledByDefault: true },
  { name: 'git-folder-served', description: 'www.acme.test serves /.git/config and /.git/HEAD: the repository folder was deployed with the site.', checks: ['exposure.git'], hosts: ['www.acme.test'], enabledByDefault: true },
  { name: 'repo-key-in-history', description: 'In the demo repository an OpenAI key was pasted into the code and removed a commit later: it is only in the history.', checks: ['secret.in-history'], hosts: [], enabledByDefault: true },
  { name: 'repo-env-committed', description: 'The demo repository tracks its production .env (no .env line in .gitignore).', checks: ['env.file-committed', 'secret.in-repo'], hosts: [], enabledByDefault: true },
  { name: 'repo-public-secret', description: 'The demo repository calls OpenAI from client code with NEXT_PUBLIC_OPENAI_API_KEY (set in .env.local), a secret behind a browser-exposed prefix.', checks: ['env.public-secret'], hosts: [], enabledByDefault: true },
  // Latency (src/demo/latency-faults.ts)
  { name: 'orders-slow', description: 'GET /api/orders/:id scans the whole order table (no index, ~0.25 s) over two database connections, so lookups queue under load, and sends neither cache headers nor validators.', checks: ['cache.repeated-read-slow', 'latency.p95-over-budget'], hosts: ['api.acme.test'], enabledByDefault: true },
  { name: 'chat-stalls', description: 'One product recommendation in five stalls 2.5 s in the model call.', checks: ['latency.p95-over-budget'], hosts: ['api.acme.test'], enabledByDefault: true },
  { name: 'history-linear', description: 'Saving a chat turn rewrites the whole conversation: each turn takes 35 ms longer per earlier turn.', checks: ['latency.history-growth'], hosts: ['api.acme.test'], enabledByDefault: true },
  { name: 'model-no-timeout', description: 'The model-provider call has no timeout: a chat whose provider hangs (x-acme-fault: model-hang) never answers.', checks: ['timeout.missing'], hosts: ['api.acme.test'], enabledByDefault: true },
  { name: 'chat-overloaded', description: "One product recommendation in five answers 503: the model provider's concurrency limit is hit.", checks: ['latency.errors'], hosts: ['api.acme.test'], enabledByDefault: true },
  // Email (SPF, DMARC, DKIM, MX, MTA-STS, TLS-RPT) and the DNS diff against acme.test.zone, the desired state. Changes
  // at _dmarc, _domainkey, _mta-sts and _smtp._tls names also show in `dns diff` (dns.mail-records-changed, dns.drift).
  { name: 'spf-plus-all', description: 'The SPF record of acme.test ends in +all: every server on the internet may send mail as the shop.', checks: ['email.spf-permissive', 'dns.mail-records-changed'], hosts: ['acme.test'], enabledByDefault: true },
  { name: 'spf-too-many-lookups', description: 'The SPF record of acme.test needs 11 DNS lookups through nested includes (spf-a to spf-e.acme.test): receivers give up at 10 with permerror.', checks: ['email.spf-too-many-lookups', 'dns.mail-records-changed'], hosts: ['acme.test'], enabledByDefault: true },
  { name: 'dmarc-none', description: 'The DMARC record of acme.test only monitors (p=none): forged mail in its name is still delivered.', checks: ['email.dmarc-not-enforced'], hosts: ['acme.test'], enabledByDefault: true },
  { name: 'dmarc-missing', description: 'acme.test publishes no DMARC record (off by default as it replaces dmarc-none; with both on, no record).', checks: ['email.dmarc-missing'], hosts: ['acme.test'], enabledByDefault: false },
  { name: 'dkim-1024', description: 'The DKIM key at s1._domainkey.acme.test is 1024-bit RSA.', checks: ['email.dkim-weak'], hosts: ['acme.test'], enabledByDefault: true },
  { name: 'mx-no-address', description: 'acme.test has a second MX, mx2.mailhost.test, a host with no address.', checks: ['email.mx-unresolvable', 'dns.mail-records-changed'], hosts: ['acme.test'], enabledByDefault: true },
  { name: 'mta-sts-missing', description: 'mta-sts.acme.test serves an MTA-STS policy, but no _mta-sts TXT record announces it, so senders never use it.', checks: ['email.mta-sts-missing'], hosts: ['acme.test'], enabledByDefault: true },
  { name: 'tls-rpt-missing', description: 'acme.test publishes no TLS-RPT record (_smtp._tls): nobody hears of failed TLS deliveries to its MX.', checks: ['email.tls-rpt-missing'], hosts: ['acme.test'], enabledByDefault: true },
  { name: 'dns-drift', description: 'Someone added www.acme.test TXT "stripe-verification=demo" by hand: it is not in the desired state.', checks: ['dns.drift'], hosts: ['www.acme.test'], enabledByDefault: true },
  { name: 'dns-api-dropped', description: "A DNS clean-up deleted api.acme.test's record, which the desired state still has (off by default: it takes the API, and the faults planted on it, offline).", checks: ['dns.subdomain-broken', 'dns.missing-record', 'route.unreachable', 'health.missing'], hosts: ['api.acme.test'], enabledByDefault: false },
  // Chatbot personas (the hardened bot is the fixed world) and the outages the eval's failure pack switches on
  { name: 'chatbot-obeys-injections', description: 'The support bot follows instructions hidden in messages, encoded text, reviews and order notes.', checks: ['chatbot.prompt-injection'], hosts: ['api.acme.test'], enabledByDefault: true },
  { name: 'chatbot-leaks-system-prompt', description: 'The support bot prints its system prompt, tool names and internal API URL when asked.', checks: ['chatbot.system-prompt-leak'], hosts: ['api.acme.test'], enabledByDefault: true },
  { name: 'chatbot-over-eager', description: 'The support bot calls refund_order, export_customers and other actions as soon as it is asked nicely, without confirmation.', checks: ['chatbot.forbidden-tool'], hosts: ['api.acme.test'], enabledByDefault: true },
  { name: 'chatbot-confidently-wrong', description: 'The support bot invents answers: it "ships everywhere, free, in 1 day", takes returns any time, never hands off.', checks: ['chatbot.wrong-answer'], hosts: ['api.acme.test'], enabledByDefault: true },
  { name: 'chatbot-silent-failure', description: 'With its model provider down the bot waits 1.6 s, then answers 200 with a cheerful generic reply; with the database down it makes up order statuses.', checks: ['chatbot.silent-failure', 'chatbot.slow'], hosts: ['api.acme.test'], enabledByDefault: true },
  { name: 'chatbot-leaky-order-lookup', description: 'The support bot shows any order to anyone: by number with any email, by email alone, by customer name, or "the latest order".', checks: ['chatbot.data-leak'], hosts: ['api.acme.test'], enabledByDefault: true },
  { name: 'model-provider-down', description: "The chat's model provider does not answer (an outage toggle, off by default; the eval's fault hook switches it per request).", checks: ['chatbot.silent-failure'], hosts: [], enabledByDefault: false },
  { name: 'database-down', description: 'The order database does not answer (an outage toggle, off by default; the eval\'s fault hook switches it per request).', checks: ['chatbot.silent-failure'], hosts: [], enabledByDefault: false },
  // Outages for `launch-ready monitor` demos (off by default: switch them while the world runs)
  { name: 'www-down', description: 'www.acme.test is down: the load balancer has no healthy origin and answers 503 to everything (an outage toggle, off by default).', checks: ['route.unreachable'], hosts: ['www.acme.test'], enabledByDefault: false },
  { name: 'api-stall', description: 'api.acme.test stalls: every request waits 20 s before it is answered, longer than any client timeout (an outage toggle, off by default).', checks: ['route.unreachable'], hosts: ['api.acme.test'], enabledByDefault: false },
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

/** A fixed, hand-written report for the renderer tests: every section filled, one hostile evidence string. */
import type { CheckMeta } from '../../src/core/check.js';
import type { Report } from '../../src/report/types.js';

export const HOSTILE = '<script>alert(1)</script> \u001b[31mred\u001b[0m `tick` | pipe';

export function fixedReport(over: Partial<Report> = {}): Report {
  return {
    tool: { name: 'launch-ready', version: '0.1.0' },
    target: 'https://acme.test/',
    startedAt: '2026-11-28T12:00:00.000Z',
    durationMs: 3210,
    verdict: 'not-ready',
    headline: 'Not launch ready — 2 blockers, 1 to fix this week',
    summary: { critical: 1, high: 1, medium: 1, low: 1, info: 0 },
    minimumBar: [
      { id: 'domain', label: 'Domain and redirects', status: 'met', detail: '4 checks ran, nothing above low', findingIds: [] },
      { id: 'ssl', label: 'SSL everywhere', status: 'not-met', detail: 'tls.expired, hsts.missing on 2 targets', findingIds: ['tls.expired', 'hsts.missing'] },
      { id: 'secrets', label: 'No hardcoded secrets', status: 'not-checked', detail: 'not checked yet — run `launch-ready secrets`', findingIds: [] },
    ],
    findings: [
      {
        id: 'tls.expired',
        severity: 'critical',
        stage: 2,
        target: 'app.acme.test',
        title: 'The certificate has expired',
        evidence: 'notAfter 2026-11-01T00:00:00Z (27 days ago), issuer CN=Test CA',
        impact: 'Every browser blocks the site with a full-page warning, so nobody can buy.',
        remediation: 'Renew the certificate and automate renewal (ACME), then reload the server.',
        reference: 'https://letsencrypt.org/docs/',
        routeKind: 'checkout',
        rank: 1,
      },
      {
        id: 'hsts.missing',
        severity: 'high',
        stage: 2,
        target: 'https://www.acme.test/',
        title: 'HSTS is missing',
        evidence: HOSTILE,
        impact: 'A first visit over plain http can be intercepted and downgraded.',
        remediation: 'Send Strict-Transport-Security: max-age=31536000; includeSubDomains.',
        reference: 'javascript:alert(1)',
        routeKind: 'page',
        rank: 2,
      },
      {
        id: 'cache.static-uncached',
        severity: 'medium',
        stage: 4,
        target: 'https://www.acme.test/assets/app.3f2a9c.js',
        title: 'Fingerprinted assets are not cached',
        evidence: 'Cache-Control: no-cache',
        impact: 'Every visit downloads the bundle again, so pages load slower on mobile.',
        remediation: 'Serve fingerprinted files with Cache-Control: public, max-age=31536000, immutable.',
        reference: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Cache-Control',
        routeKind: 'page',
        rank: 3,
      },
      {
        id: 'headers.referrer-missing',
        severity: 'low',
        stage: 2,
        target: 'www.acme.test',
        title: 'Referrer-Policy is missing',
        evidence: 'no Referrer-Policy header on https://www.acme.test/',
        impact: 'Full URLs, including order ids, leak to third-party sites.',
        remediation: 'Send Referrer-Policy: strict-origin-when-cross-origin.',
        reference: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Referrer-Policy',
        routeKind: 'page',
        rank: 4,
      },
    ],
    routes: [
      {
        host: 'www.acme.test',
        environment: 'production',
        cnames: ['shop.cdn.test'],
        addresses: ['192.0.2.10', '192.0.2.11'],
        edge: 'Cloudflare',
        edgeVia: 'header',
        edgeEvidence: 'cf-ray: 8f1 (on https://www.acme.test/)',
        finalUrl: 'https://www.acme.test/',
        status: 200,
        versions: ['1.4.2 (3f2a9c1)', '1.4.1 (77aa001)'],
        tls: { issuer: "C=US, O=Let's Encrypt, CN=R3", validTo: '2027-02-01T00:00:00.000Z', protocol: 'TLSv1.3' },
      },
      { host: 'old.acme.test', cnames: [], addresses: [], edge: null, versions: [], error: 'DNS nxdomain' },
    ],
    checks: [
      { id: 'tls.expired', status: 'fail' },
      { id: 'hsts.missing', status: 'fail' },
      { id: 'cache.static-uncached', status: 'fail' },
      { id: 'headers.referrer-missing', status: 'fail' },
      { id: 'dns.missing-record', status: 'pass' },
      { id: 'health.missing', status: 'error', error: 'health not collected' },
    ],
    ...over,
  };
}

/** The fixed report with the critical finding repeated on a second host, same impact and fix, as #2. */
export function repeatedReport(): Report {
  const base = fixedReport();
  const [first, ...rest] = base.findings;
  const again = { ...first, target: 'www.acme.test', evidence: 'notAfter 2026-11-02T00:00:00Z', rank: 2 };
  return { ...base, findings: [first, again, ...rest.map((f) => ({ ...f, rank: (f.rank ?? 0) + 1 }))] };
}

export function meta(id: string, over: Partial<CheckMeta> = {}): CheckMeta {
  return {
    id,
    severity: 'high',
    stage: 2,
    title: `${id} passes`,
    failureTitle: `${id} fails`,
    description: `Looks at what ${id} looks at.`,
    impact: `Customers are hurt when ${id} fails.`,
    remediation: `Fix ${id}.`,
    reference: `https://example.test/docs/${id}`,
    requires: ['hosts'],
    ...over,
  };
}

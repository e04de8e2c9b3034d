import { describeResponse, hstsResponses } from '../../analysis/hsts-responses.js';
import { HSTS_MIN_MAX_AGE, parseStrictTransportSecurity, stsHeaders } from '../../analysis/strict-transport-security.js';
import type { HttpExchange } from '../../core/artifacts.js';
import { defineCheck, type FindingDraft } from '../../core/check.js';

/** What is weak in the policy a browser takes from this response; empty when strong or absent (hsts.missing). */
function weaknesses(ex: HttpExchange, subdomains: string[]): string[] {
  const headers = stsHeaders(ex);
  if (headers.length === 0) return [];
  const parsed = parseStrictTransportSecurity(headers[0]);
  if (!parsed.ok) return [];
  const found: string[] = [];
  const { maxAge, includeSubDomains } = parsed.policy;
  if (maxAge < HSTS_MIN_MAX_AGE) found.push(`max-age=${maxAge} is under one year (${HSTS_MIN_MAX_AGE})`);
  if (!includeSubDomains && subdomains.length > 0) found.push(`no includeSubDomains although ${subdomains.join(', ')} exist`);
  if (headers.length > 1) {
    const all = headers.map((h) => `"${h}"`).join(', ');
    found.push(`${headers.length} Strict-Transport-Security headers (${all}): browsers process only the first (RFC 6797 §8.1)`);
  }
  return found;
}

export default defineCheck({
  id: 'hsts.weak',
  severity: 'low',
  stage: 2,
  title: 'HSTS is long-lived and covers subdomains',
  failureTitle: 'HSTS is weak',
  description:
    'Parses the Strict-Transport-Security header of each host\'s https responses as a browser does (RFC 6797 §6.1): max-age must ' +
    'be at least one year, includeSubDomains must be set when the audit knows subdomains of that host, and only one such ' +
    'header may be sent (a browser processes only the first, RFC 6797 §8.1).',
  impact:
    'A short or partial policy lets visitors\' browsers fall back to insecure http on subdomains or once it lapses, reopening downgrade attacks.',
  remediation:
    'Send exactly one `Strict-Transport-Security: max-age=31536000; includeSubDomains` header (remove the duplicate set by the app ' +
    'or the proxy), and once every subdomain serves https, add `preload` and submit the domain at hstspreload.org.',
  reference: 'https://hstspreload.org/',
  requires: ['hosts'],
  run({ plan, hosts }) {
    const drafts: FindingDraft[] = [];
    for (const host of hosts) {
      const subdomains = plan.hosts.map((h) => h.name).filter((name) => name.endsWith(`.${host.host}`));
      for (const ex of hstsResponses(host)) {
        const found = weaknesses(ex, subdomains);
        if (found.length === 0) continue;
        drafts.push({ target: host.host, evidence: `${describeResponse(ex)} sends "Strict-Transport-Security: ${stsHeaders(ex)[0]}": ${found.join('; ')}` });
        break;
      }
    }
    return drafts;
  },
});

import { describeResponse, hstsResponses } from '../../analysis/hsts-responses.js';
import { parseStrictTransportSecurity, stsHeaders } from '../../analysis/strict-transport-security.js';
import type { HttpExchange } from '../../core/artifacts.js';
import { defineCheck, type FindingDraft } from '../../core/check.js';

/** Why a browser would hold no HSTS policy after this response, or undefined when it would. */
function noPolicy(ex: HttpExchange): string | undefined {
  const [first] = stsHeaders(ex);
  if (first === undefined) return `${describeResponse(ex)} has no Strict-Transport-Security header`;
  const parsed = parseStrictTransportSecurity(first);
  // RFC 6797 §6.1: a header that does not parse is ignored as a whole; §8.1: only the first counts.
  return parsed.ok ? undefined : `${describeResponse(ex)} sends "Strict-Transport-Security: ${first}", which browsers ignore: ${parsed.reason}`;
}

export default defineCheck({
  id: 'hsts.missing',
  severity: 'medium',
  stage: 2,
  title: 'HSTS is sent on every https host',
  failureTitle: 'HSTS is missing',
  description:
    'Checks every 2xx/3xx response a host gives over https (including its redirect to the canonical host) for a ' +
    'Strict-Transport-Security header that browsers accept: present, and valid per RFC 6797 §6.1 (a header without max-age, ' +
    'or with a malformed or repeated directive, is ignored and counts as missing).',
  impact:
    'Without HSTS a visitor\'s first request can be silently downgraded to http on hostile Wi-Fi, exposing logins and session cookies.',
  remediation:
    'Send `Strict-Transport-Security: max-age=31536000; includeSubDomains` on every https response, redirects included ' +
    '(nginx `add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;`, or the CDN\'s HSTS setting).',
  reference: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Strict-Transport-Security',
  requires: ['hosts'],
  run({ hosts }) {
    const drafts: FindingDraft[] = [];
    for (const host of hosts) {
      const problems = hstsResponses(host).map(noPolicy).filter((p): p is string => p !== undefined);
      if (problems.length > 0) drafts.push({ target: host.host, evidence: problems.join('; ') });
    }
    return drafts;
  },
});

import { defineCheck } from '../../core/check.js';
import type { EmailArtifact } from '../../email/artifact.js';
import { organisationalDomain } from '../../email/org-domain.js';
import { nodesOf } from '../../email/spf/walk.js';

interface Failure {
  /** The name and type to query again. */
  name: string;
  type: string;
  text: string;
}

/** Every lookup of the email stage that failed (timeout, SERVFAIL, refused): name, type and reason. */
function failures(email: EmailArtifact): Failure[] {
  const out: Failure[] = [];
  for (const n of nodesOf(email.spf)) {
    if (n.status === 'error') out.push({ name: n.domain, type: 'TXT', text: `${n.domain} TXT (SPF${n.via === 'root' ? '' : `, ${n.term}`}): ${n.problem}` });
    for (const t of n.terms) if (t.problem && !/MX hosts/.test(t.problem)) out.push({ name: t.target ?? n.domain, type: t.kind === 'mx' ? 'MX' : 'A', text: `${t.text} in ${n.domain}: ${t.problem}` });
  }
  for (const l of [...email.dmarc.lookups, ...email.dmarc.reportAuthorizations.map((r) => r.lookup), ...email.dkim.selectors.map((s) => s.lookup), email.mtaSts.txt, email.tlsRpt, email.bimi]) {
    if (l.status === 'error') out.push({ name: l.name, type: 'TXT', text: `${l.name} TXT: ${l.error}` });
  }
  if (email.mx.status === 'error') out.push({ name: email.domain, type: 'MX', text: `${email.domain} MX: ${email.mx.error}` });
  for (const h of email.mx.hosts) if (h.status === 'error') out.push({ name: h.exchange, type: 'A', text: `${h.exchange} A/AAAA (MX): ${h.error}` });
  for (const c of email.caa) if (c.error) out.push({ name: c.host, type: 'CAA', text: `${c.host} CAA: ${c.error}` });
  return out;
}

const SHOWN = 8;

export default defineCheck({
  id: 'email.lookup-failed',
  severity: 'high',
  stage: 1,
  title: 'Every mail-related DNS lookup got an answer',
  failureTitle: 'DNS lookups for your mail records failed: receivers get a temporary error',
  description:
    'Collects the SPF, DMARC, DKIM, MX, MTA-STS, TLS-RPT, BIMI and CAA lookups that timed out or failed (SERVFAIL, refused) instead of answering. Receivers that hit the same failure return temperror and defer or reject mail; the affected checks could not judge the records.',
  impact: 'Mail from your shop is delayed or bounced while your DNS (or a provider\'s) fails to answer, and the other email checks could not look at those records.',
  remediation: 'Check that every name server of the domain answers (`dig +norecurse @NS DOMAIN TXT` for each NS), and fix or remove includes of providers whose DNS fails.',
  reference: 'https://www.rfc-editor.org/rfc/rfc7208#section-2.6.6',
  requires: ['email'],
  run({ email }) {
    const failed = failures(email);
    if (failed.length === 0) return [];
    const shown = failed.slice(0, SHOWN).map((f) => `  ${f.text}`);
    if (failed.length > SHOWN) shown.push(`  … and ${failed.length - SHOWN} more`);
    const first = failed[0];
    return [
      {
        target: email.domain,
        evidence: `${failed.length} lookup${failed.length === 1 ? '' : 's'} failed:\n${shown.join('\n')}`,
        remediation: [
          `Ask each of the domain's name servers directly, and fix (or replace) the ones that do not answer at your DNS host:`,
          `  dig +short NS ${organisationalDomain(first.name)}`,
          `  dig +norecurse @<each name server> ${first.name} ${first.type}`,
          'A failing name in a provider\'s domain (an include) is theirs to fix: ask them, or remove the include while it fails.',
        ].join('\n'),
      },
    ];
  },
});

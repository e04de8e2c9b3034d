import { defineCheck, type FindingDraft } from '../../core/check.js';
import { spfRemediation } from '../../email/advice.js';
import { nodesOf } from '../../email/spf/walk.js';

export default defineCheck({
  id: 'email.spf-invalid',
  severity: 'high',
  stage: 1,
  title: 'Every SPF record in the tree follows the RFC 7208 grammar',
  failureTitle: 'An SPF record has a syntax error: receivers treat SPF as broken (permerror)',
  description:
    'Parses the domain\'s SPF record and every include/redirect target against the RFC 7208 grammar: unknown mechanisms, bad IP addresses or prefix lengths, bad macros, domains that are not fully qualified, "redirect" or "exp" given twice. One error makes the whole record a permerror (§4.6). Unknown modifiers, terms after "all" and a "redirect" next to "all" are legal but ignored by receivers, and are reported as low.',
  impact: 'With a permerror, SPF cannot pass for any of your mail; DMARC then depends on DKIM alone, and mail from senders without DKIM is rejected or filtered.',
  remediation: 'Fix the term named in the evidence (the typo, the address or the prefix length), or remove it; check the result with `launch-ready email DOMAIN`.',
  reference: 'https://www.rfc-editor.org/rfc/rfc7208#section-12',
  requires: ['email'],
  run({ email }) {
    const drafts: FindingDraft[] = [];
    const fix = spfRemediation(email.spf);
    for (const n of nodesOf(email.spf)) {
      const where = n.via === 'root' ? `${n.domain}` : `${n.term} → ${n.domain}`;
      if (n.errors.length > 0) {
        drafts.push({ target: email.domain, evidence: `${where}: "${n.record}"\n${n.errors.map((e) => `  ${e.message}`).join('\n')}`, ...(fix ? { remediation: fix } : {}) });
      }
      if (n.warnings.length > 0 && n.via === 'root') {
        drafts.push({
          target: email.domain,
          severity: 'low',
          title: 'Part of the SPF record is ignored by receivers',
          evidence: `${where}: "${n.record}"\n${n.warnings.map((w) => `  ${w.message}`).join('\n')}`,
          remediation: fix ?? 'Correct or remove the ignored terms so the record says what receivers actually do.',
        });
      }
    }
    return drafts;
  },
});

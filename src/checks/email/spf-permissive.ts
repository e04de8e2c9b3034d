import { defineCheck, type FindingDraft } from '../../core/check.js';
import { spfRemediation } from '../../email/advice.js';
import { finalAll, nodesOf } from '../../email/spf/walk.js';

export default defineCheck({
  id: 'email.spf-permissive',
  severity: 'critical',
  stage: 1,
  title: 'SPF does not authorise the whole internet',
  failureTitle: 'SPF lets anyone send as your domain',
  description:
    'Looks at the "all" that ends SPF evaluation. "+all" or a bare "all" makes every IP address on the internet pass; "?all" makes every address neutral, which protects nothing. An include whose record ends in "+all" passes every address the same way.',
  impact: 'Anyone can send mail that passes SPF as your shop: phishing your customers with fake order and password emails that inboxes trust.',
  remediation: 'End the record with "~all" (or "-all" once every service that sends your mail is listed) and remove includes of records that end in "+all".',
  reference: 'https://www.rfc-editor.org/rfc/rfc7208#section-5.1',
  requires: ['email'],
  run({ email }) {
    const drafts: FindingDraft[] = [];
    const fix = spfRemediation(email.spf);
    const end = finalAll(email.spf);
    if (end && (end.term.qualifier === '+' || end.term.qualifier === '?')) {
      const critical = end.term.qualifier === '+';
      drafts.push({
        target: email.domain,
        severity: critical ? 'critical' : 'high',
        title: critical ? `Anyone on the internet can send email as ${email.domain}: your SPF record ends in ${end.term.text}` : `SPF vouches for no one: your record ends in ${end.term.text}, so every sender is "neutral"`,
        evidence: `${end.node.domain}: "${end.node.record}"`,
        ...(fix ? { remediation: fix } : {}),
      });
    }
    for (const n of nodesOf(email.spf).filter((x) => x.via === 'include')) {
      const all = n.terms.find((t) => t.kind === 'all');
      if (all?.qualifier !== '+') continue;
      drafts.push({
        target: email.domain,
        title: `Anyone on the internet can send email as ${email.domain}: ${n.term} ends in ${all.text}`,
        evidence: `${n.term} → ${n.domain}: "${n.record}"`,
        ...(fix ? { remediation: fix } : {}),
      });
    }
    return drafts;
  },
});

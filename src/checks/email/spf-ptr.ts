import { defineCheck } from '../../core/check.js';
import { spfRemediation } from '../../email/advice.js';
import { organisationalDomain } from '../../email/org-domain.js';
import { nodesOf } from '../../email/spf/walk.js';

export default defineCheck({
  id: 'email.spf-ptr',
  severity: 'low',
  stage: 1,
  title: 'SPF does not use the deprecated "ptr" mechanism',
  failureTitle: 'SPF uses "ptr", which RFC 7208 says not to use',
  description: 'The "ptr" mechanism (and the %{p} macro) depend on reverse DNS, which is slow and unreliable; RFC 7208 §5.5 says it SHOULD NOT be used, and some receivers skip it.',
  impact: 'Mail that only passes through "ptr" may fail SPF at receivers that ignore it, and every check costs extra DNS queries.',
  remediation: 'Replace "ptr" by the ip4/ip6 ranges or the "a" records of the servers it was meant to match.',
  reference: 'https://www.rfc-editor.org/rfc/rfc7208#section-5.5',
  requires: ['email'],
  run({ email }) {
    const fix = spfRemediation(email.spf);
    const org = organisationalDomain(email.domain);
    return nodesOf(email.spf).flatMap((n) =>
      n.terms
        .filter((t) => t.kind === 'ptr')
        .map((t) => ({
          target: email.domain,
          evidence: `${t.text} in ${n.via === 'root' ? n.domain : `${n.term} (${n.domain})`}: "${n.record}"`,
          // A provider's own record is theirs to change.
          remediation: organisationalDomain(n.domain) === org && fix ? fix : `${n.domain} is your provider's record: ask them to replace "${t.text}" by address terms; nothing to change in yours.`,
        })),
    );
  },
});

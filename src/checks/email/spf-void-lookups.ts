import { defineCheck } from '../../core/check.js';
import { spfRemediation } from '../../email/advice.js';
import { VOID_LOOKUP_LIMIT } from '../../email/spf/check-host.js';
import { voidTerms } from '../../email/spf/walk.js';

export default defineCheck({
  id: 'email.spf-void-lookups',
  severity: 'medium',
  stage: 1,
  title: 'SPF has at most 2 lookups that find nothing',
  failureTitle: 'More than 2 SPF terms look up names that do not exist: receivers return permerror',
  description:
    'Counts the a, mx and exists terms whose DNS answer is empty or NXDOMAIN ("void lookups"). RFC 7208 §4.6.4 tells receivers to stop with permerror after 2, to limit abuse; stale terms for decommissioned servers are the usual cause.',
  impact: 'Mail that is not matched before the third void lookup fails SPF outright.',
  remediation: 'Remove the terms for hosts or services that no longer exist.',
  reference: 'https://www.rfc-editor.org/rfc/rfc7208#section-4.6.4',
  requires: ['email'],
  run({ email }) {
    const voids = voidTerms(email.spf);
    if (voids.length <= VOID_LOOKUP_LIMIT) return [];
    const fix = spfRemediation(email.spf);
    return [{ target: email.domain, evidence: `${voids.length} void lookups (the limit is ${VOID_LOOKUP_LIMIT}):\n${voids.map((v) => `  ${v.term} in ${v.domain}`).join('\n')}`, ...(fix ? { remediation: fix } : {}) }];
  },
});

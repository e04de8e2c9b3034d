import { defineCheck } from '../../core/check.js';
import { spfRemediation } from '../../email/advice.js';
import { nodesOf } from '../../email/spf/walk.js';

export default defineCheck({
  id: 'email.spf-loop',
  severity: 'high',
  stage: 1,
  title: 'SPF includes and redirects never lead back to themselves',
  failureTitle: 'SPF includes loop back on themselves: receivers return permerror',
  description: 'Follows includes and redirects looking for a domain that leads back to one already being evaluated. Receivers go round until the 10-lookup limit and return permerror (RFC 7208 §4.6.4).',
  impact: 'SPF is broken for every message from a sender not matched before the loop.',
  remediation: 'Remove the include or redirect that points back up the chain shown in the evidence.',
  reference: 'https://www.rfc-editor.org/rfc/rfc7208#section-4.6.4',
  requires: ['email'],
  run({ email }) {
    const fix = spfRemediation(email.spf);
    return nodesOf(email.spf)
      .filter((n) => n.status === 'loop')
      .map((n) => ({ target: email.domain, evidence: `${n.term} loops: ${n.problem}`, ...(fix ? { remediation: fix } : {}) }));
  },
});

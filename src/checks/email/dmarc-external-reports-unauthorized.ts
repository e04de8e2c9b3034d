import { defineCheck } from '../../core/check.js';
import { isDmarcRecord } from '../../email/dmarc/record.js';

export default defineCheck({
  id: 'email.dmarc-external-reports-unauthorized',
  severity: 'low',
  stage: 1,
  title: 'Report addresses outside the domain have agreed to receive its reports',
  failureTitle: 'DMARC reports go to another domain that has not agreed to receive them',
  description:
    'For each rua/ruf address in another organisational domain, looks up DOMAIN._report._dmarc.DESTINATION. Without a "v=DMARC1" record there, receivers must not send the reports (RFC 7489 §7.1), so they are silently dropped.',
  impact: 'You believe you are collecting DMARC reports, but none arrive for the external address.',
  remediation: 'Ask the report service to authorise your domain (most do it when you add the domain in their dashboard), or, if you own the destination domain, publish "v=DMARC1" at the name in the evidence.',
  reference: 'https://www.rfc-editor.org/rfc/rfc7489#section-7.1',
  requires: ['email'],
  run({ email }) {
    return email.dmarc.reportAuthorizations
      .filter((r) => r.lookup.status !== 'error' && !r.lookup.records.some(isDmarcRecord))
      .map((r) => ({ target: email.domain, evidence: `${r.uri}: ${r.lookup.name} has no v=DMARC1 record (${r.lookup.status === 'ok' ? 'other TXT only' : r.lookup.status.toUpperCase()})` }));
  },
});

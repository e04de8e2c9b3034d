import { defineCheck } from '../../core/check.js';
import { discoveredDmarc } from '../../email/dmarc/discovered.js';
import { isDmarcRecord } from '../../email/dmarc/record.js';
import { withoutReportUri } from '../../email/dmarc/repair.js';
import { publishText } from '../../email/record-line.js';

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
    const found = discoveredDmarc(email.dmarc);
    return email.dmarc.reportAuthorizations
      .filter((r) => r.lookup.status !== 'error' && !r.lookup.records.some(isDmarcRecord))
      .map((r) => {
        const own = found ? withoutReportUri(found.records[0], r.uri, found.policyDomain) : undefined;
        const alternative = found && own && own !== found.records[0] ? `\n${publishText('Or stop sending reports there', [{ name: found.lookup.name, type: 'TXT', value: own }])}` : '';
        return {
          target: email.domain,
          evidence: `${r.uri}: ${r.lookup.name} has no v=DMARC1 record (${r.lookup.status === 'ok' ? 'other TXT only' : r.lookup.status.toUpperCase()})`,
          remediation: `${publishText(`If you run ${r.destination}, publish this record there (a report service does it when you add ${found?.policyDomain ?? email.domain} in its dashboard)`, [{ name: r.lookup.name, type: 'TXT', value: 'v=DMARC1' }])}${alternative}`,
        };
      });
  },
});

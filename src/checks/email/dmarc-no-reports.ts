import { defineCheck } from '../../core/check.js';
import { discoveredDmarc } from '../../email/dmarc/discovered.js';
import { effectivePolicy, parseDmarcRecord } from '../../email/dmarc/record.js';
import { repairedDmarc } from '../../email/dmarc/repair.js';
import { publishText } from '../../email/record-line.js';

export default defineCheck({
  id: 'email.dmarc-no-reports',
  severity: 'low',
  stage: 1,
  title: 'DMARC asks for aggregate reports (rua)',
  failureTitle: 'DMARC asks for no reports: you cannot see who sends mail as you',
  description: 'Checks the DMARC record for an rua= address. Aggregate reports are the only way to learn which services send as your domain, and so to move safely from p=none to p=quarantine.',
  impact: 'Without reports, tightening the policy is guesswork: you either stay unprotected or risk blocking your own newsletters and receipts.',
  remediation: 'Add rua=mailto:dmarc-reports@DOMAIN (or the address of a DMARC report service) to the record.',
  reference: 'https://www.rfc-editor.org/rfc/rfc7489#section-7.2',
  requires: ['email'],
  run({ email }) {
    const found = discoveredDmarc(email.dmarc);
    if (!found || found.records.length !== 1) return [];
    const record = parseDmarcRecord(found.records[0]);
    if (effectivePolicy(record) === undefined || record.rua.length > 0) return [];
    return [
      {
        target: email.domain,
        evidence: `${found.lookup.name}: "${found.records[0]}" has no rua=`,
        remediation: publishText('Publish this record in place of the current one (or put a DMARC report service\'s address in rua=)', [{ name: found.lookup.name, type: 'TXT', value: repairedDmarc(found.records[0], found.policyDomain).record }]),
      },
    ];
  },
});

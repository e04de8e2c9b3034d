import { defineCheck } from '../../core/check.js';
import { discoveredDmarc } from '../../email/dmarc/discovered.js';
import { mergeDmarc } from '../../email/dmarc/repair.js';
import { publishText } from '../../email/record-line.js';

export default defineCheck({
  id: 'email.dmarc-multiple',
  severity: 'high',
  stage: 1,
  title: 'The DMARC name holds exactly one DMARC record',
  failureTitle: 'More than one DMARC record: receivers apply no DMARC at all',
  description: 'Counts the TXT records starting with "v=DMARC1" at the _dmarc name that applies. With more than one, RFC 7489 §6.6.3 has receivers ignore DMARC for the domain.',
  impact: 'Your DMARC policy, whatever it says, is not applied: forged mail in your name is not rejected and no reports are sent.',
  remediation: 'Keep one record (merge the tags you need into it) and delete the others.',
  reference: 'https://www.rfc-editor.org/rfc/rfc7489#section-6.6.3',
  requires: ['email'],
  run({ email }) {
    const found = discoveredDmarc(email.dmarc);
    if (!found || found.records.length < 2) return [];
    return [
      {
        target: email.domain,
        evidence: `${found.lookup.name} has ${found.records.length} DMARC records:\n${found.records.map((r) => `  ${r}`).join('\n')}`,
        remediation: publishText('Replace them with this single record (the strongest policy, every report address; delete the others)', [{ name: found.lookup.name, type: 'TXT', value: mergeDmarc(found.records, found.policyDomain) }]),
      },
    ];
  },
});

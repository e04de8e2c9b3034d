import { defineCheck, type FindingDraft } from '../../core/check.js';
import { discoveredDmarc } from '../../email/dmarc/discovered.js';
import { effectivePolicy, parseDmarcRecord } from '../../email/dmarc/record.js';
import { repairedDmarc } from '../../email/dmarc/repair.js';
import { publishText } from '../../email/record-line.js';

export default defineCheck({
  id: 'email.dmarc-invalid',
  severity: 'high',
  stage: 1,
  title: 'The DMARC record is valid',
  failureTitle: 'The DMARC record has errors',
  description:
    'Parses the DMARC record (RFC 7489 §6.3-§6.4): the v=DMARC1 start, the policy values of p, sp and np, adkim/aspf, pct, fo, the report URIs of rua and ruf. A record without a valid p and without a valid rua is ignored entirely (§6.6.3); bad report URIs lose reports. Unknown tags are ignored by receivers and reported as low. Tags that RFC 9989 retires (pct, rf, ri) are checked but never reported here.',
  impact: 'An invalid policy is the same as no policy: forged mail in your name is not rejected, and broken report addresses leave you blind.',
  remediation: 'Correct the tags named in the evidence; the policy must be p=none, p=quarantine or p=reject, and reports go to mailto: addresses.',
  reference: 'https://www.rfc-editor.org/rfc/rfc7489#section-6.3',
  requires: ['email'],
  run({ email }) {
    const found = discoveredDmarc(email.dmarc);
    if (!found || found.records.length !== 1) return [];
    const record = parseDmarcRecord(found.records[0]);
    const drafts: FindingDraft[] = [];
    const repaired = repairedDmarc(found.records[0], found.policyDomain);
    const remediation = `${publishText('Publish this record in place of the current one', [{ name: found.lookup.name, type: 'TXT', value: repaired.record }])}\nWhat changed: ${repaired.changes.join('; ')}.`;
    if (record.errors.length > 0) {
      const ignored = effectivePolicy(record) === undefined;
      drafts.push({
        target: email.domain,
        severity: ignored ? 'high' : 'medium',
        evidence: `${found.lookup.name}: "${found.records[0]}"\n${record.errors.map((e) => `  ${e}`).join('\n')}${ignored ? '\n  receivers ignore this record entirely' : ''}`,
        remediation,
      });
    }
    const unknown = record.warnings.filter((w) => w.startsWith('unknown tag'));
    if (unknown.length > 0) {
      drafts.push({ target: email.domain, severity: 'low', title: 'The DMARC record has tags receivers ignore', evidence: `${found.lookup.name}: "${found.records[0]}"\n${unknown.map((w) => `  ${w}`).join('\n')}`, remediation });
    }
    return drafts;
  },
});

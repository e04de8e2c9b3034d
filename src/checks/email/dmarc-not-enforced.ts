import { defineCheck, type FindingDraft } from '../../core/check.js';
import { discoveredDmarc } from '../../email/dmarc/discovered.js';
import { effectivePolicy, parseDmarcRecord } from '../../email/dmarc/record.js';
import { enforcedDmarc } from '../../email/dmarc/repair.js';
import { publishText } from '../../email/record-line.js';

export default defineCheck({
  id: 'email.dmarc-not-enforced',
  severity: 'medium',
  stage: 1,
  title: 'DMARC tells receivers to quarantine or reject forged mail',
  failureTitle: 'DMARC is in monitoring mode: forged mail in your name is still delivered',
  description:
    'Reads the policy that applies to the email domain: p (or sp when the record was found at the organisational domain). p=none only asks for reports; sp=none leaves subdomains open while the domain itself is protected. Under RFC 7489, pct below 100 applies the policy to part of the failing mail only (RFC 9989 retires pct: receivers following it apply the policy to all mail), and t=y (RFC 9989) asks receivers to apply one step less.',
  impact: 'Phishing mail that fakes your shop\'s address reaches your customers\' inboxes.',
  remediation: 'Once DMARC reports show that your own services pass, move to p=quarantine (and later p=reject), with no sp=none.',
  reference: 'https://www.rfc-editor.org/rfc/rfc7489#section-6.3',
  requires: ['email'],
  run({ email }) {
    const found = discoveredDmarc(email.dmarc);
    if (!found || found.records.length !== 1) return [];
    const record = parseDmarcRecord(found.records[0]);
    const policy = effectivePolicy(record);
    if (!policy) return [];
    const inherited = found.policyDomain !== email.domain;
    const applies = inherited ? (record.subdomainPolicy ?? policy) : policy;
    const evidence = `${found.lookup.name}: "${found.records[0]}"${inherited ? ` (inherited by ${email.domain} from its organisational domain)` : ''}`;
    const fix = publishText('Once your DMARC reports show your own services pass, publish this record in place of the current one', [{ name: found.lookup.name, type: 'TXT', value: enforcedDmarc(found.records[0], found.policyDomain) }]);
    const drafts: FindingDraft[] = [];
    if (applies === 'none') {
      drafts.push({ target: email.domain, evidence: `${evidence}\n  the policy that applies to ${email.domain} is none`, remediation: fix });
    } else if (!inherited && record.subdomainPolicy === 'none') {
      drafts.push({ target: email.domain, title: 'DMARC protects the domain but not its subdomains (sp=none)', evidence, remediation: fix });
    } else if (record.pct < 100 || record.testing) {
      const why = record.testing ? 't=y asks receivers to apply one step less than the policy' : `pct=${record.pct}: RFC 7489 receivers apply the policy to only ${record.pct}% of failing mail`;
      drafts.push({ target: email.domain, severity: 'low', title: 'DMARC applies its policy to only part of the forged mail', evidence: `${evidence}\n  ${why}`, remediation: fix });
    }
    return drafts;
  },
});

import { defineCheck } from '../../core/check.js';
import { describeLookups, discoveredDmarc } from '../../email/dmarc/discovered.js';
import { starterDmarc } from '../../email/dmarc/repair.js';
import { publishText } from '../../email/record-line.js';

export default defineCheck({
  id: 'email.dmarc-missing',
  severity: 'high',
  stage: 1,
  title: 'The domain publishes a DMARC policy',
  failureTitle: 'No DMARC record: nothing tells receivers to reject mail forged in your name',
  description:
    'Looks for a TXT record starting with "v=DMARC1" at _dmarc.DOMAIN and, for a subdomain, at _dmarc of its organisational domain (found with the Public Suffix List, RFC 7489 §6.6.3). Gmail and Yahoo require DMARC from bulk senders since 2024.',
  impact: 'Forged mail in your name is judged case by case, your own mail is more likely to be filtered, and you get no reports of who sends as you.',
  remediation: 'Publish a DMARC record at _dmarc.DOMAIN: start with p=none and a report address, then move to p=quarantine once the reports show your services pass.',
  reference: 'https://www.rfc-editor.org/rfc/rfc7489#section-6.1',
  requires: ['email'],
  run({ email }) {
    const lookups = email.dmarc.lookups;
    if (discoveredDmarc(email.dmarc) || lookups.some((l) => l.status === 'error')) return [];
    // At the organisational domain, one record also covers every subdomain (RFC 7489 §6.6.3).
    const at = email.dmarc.orgDomain;
    return [
      {
        target: email.domain,
        evidence: describeLookups(lookups),
        remediation: `${publishText(`Publish this record (and create the mailbox dmarc-reports@${at})`, [{ name: `_dmarc.${at}`, type: 'TXT', value: starterDmarc(at) }])}\nAfter two weeks of reports showing your services pass, change p=none to p=quarantine.`,
      },
    ];
  },
});

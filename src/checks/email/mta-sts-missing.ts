import { defineCheck } from '../../core/check.js';
import { suggestedPolicy } from '../../email/mta-sts.js';
import { publishText } from '../../email/record-line.js';

export default defineCheck({
  id: 'email.mta-sts-missing',
  severity: 'info',
  stage: 1,
  title: 'MTA-STS is published',
  failureTitle: 'No MTA-STS: mail to your domain can be downgraded to plain text in transit',
  description: 'Looks for a "v=STSv1" TXT record at _mta-sts.DOMAIN (RFC 8461). With MTA-STS, sending servers refuse to deliver to your MX without valid TLS.',
  impact: 'An attacker on the path between a sender and your MX can strip TLS and read or alter mail sent to you.',
  remediation: 'Publish a policy file at https://mta-sts.DOMAIN/.well-known/mta-sts.txt (start with mode: testing) and a TXT record "v=STSv1; id=YYYYMMDD01" at _mta-sts.DOMAIN; many mailbox providers document both.',
  reference: 'https://www.rfc-editor.org/rfc/rfc8461',
  requires: ['email'],
  run({ email }) {
    const txt = email.mtaSts.txt;
    if (txt.status === 'error' || txt.records.some((r) => /^v=STSv1\b/.test(r)) || !email.mx.hosts.some((h) => h.exchange !== '')) return [];
    const hosts = email.mx.hosts.filter((h) => h.exchange !== '').map((h) => h.exchange);
    return [
      {
        target: email.domain,
        evidence: `${txt.name}: ${txt.status === 'ok' ? 'no v=STSv1 record' : txt.status.toUpperCase()}`,
        remediation: [
          `1. Serve this file at https://mta-sts.${email.domain}/.well-known/mta-sts.txt, over HTTPS with a certificate for mta-sts.${email.domain} (any static host; point mta-sts.${email.domain} at it with an A or CNAME record):`,
          ...suggestedPolicy(hosts).split('\n').map((l) => `     ${l}`),
          publishText('2. Then announce it', [{ name: txt.name, type: 'TXT', value: 'v=STSv1; id=1' }]),
          '3. After a few weeks of TLS reports without failures, change mode: testing to mode: enforce and max_age to 604800, and raise the id (id=2).',
        ].join('\n'),
      },
    ];
  },
});

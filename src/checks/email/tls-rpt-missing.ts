import { defineCheck } from '../../core/check.js';
import { publishText } from '../../email/record-line.js';

export default defineCheck({
  id: 'email.tls-rpt-missing',
  severity: 'info',
  stage: 1,
  title: 'SMTP TLS reporting (TLS-RPT) is published',
  failureTitle: 'No TLS-RPT: you are not told when senders cannot reach your MX securely',
  description: 'Looks for a "v=TLSRPTv1" TXT record at _smtp._tls.DOMAIN (RFC 8460), which asks sending servers for daily reports of TLS failures when delivering to your MX.',
  impact: 'A certificate problem on your MX, or an MTA-STS mistake, goes unnoticed until customers say their mail bounced.',
  remediation: 'Publish "v=TLSRPTv1; rua=mailto:tls-reports@DOMAIN" at _smtp._tls.DOMAIN.',
  reference: 'https://www.rfc-editor.org/rfc/rfc8460#section-3',
  requires: ['email'],
  run({ email }) {
    const t = email.tlsRpt;
    if (t.status === 'error' || t.records.some((r) => /^v=TLSRPTv1\b/.test(r)) || !email.mx.hosts.some((h) => h.exchange !== '')) return [];
    return [
      {
        target: email.domain,
        evidence: `${t.name}: ${t.status === 'ok' ? 'no v=TLSRPTv1 record' : t.status.toUpperCase()}`,
        remediation: publishText(`Publish this record (and create the mailbox tls-reports@${email.domain}, or use a report service's address)`, [{ name: t.name, type: 'TXT', value: `v=TLSRPTv1; rua=mailto:tls-reports@${email.domain}` }]),
      },
    ];
  },
});

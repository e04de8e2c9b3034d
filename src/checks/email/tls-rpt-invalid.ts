import { defineCheck } from '../../core/check.js';
import { publishText } from '../../email/record-line.js';
import { parseTagList, tagValue } from '../../email/tag-list.js';
import { tlsRptErrors } from '../../email/tls-rpt.js';

export default defineCheck({
  id: 'email.tls-rpt-invalid',
  severity: 'low',
  stage: 1,
  title: 'The TLS-RPT record is valid',
  failureTitle: 'The TLS-RPT record is broken: no TLS reports will arrive',
  description: 'Parses the _smtp._tls record (RFC 8460 §3): v=TLSRPTv1 first, and an rua= list of mailto: or https: addresses.',
  impact: 'Senders cannot send you TLS failure reports, so delivery problems to your MX stay invisible.',
  remediation: 'Publish "v=TLSRPTv1; rua=mailto:tls-reports@DOMAIN" at _smtp._tls.DOMAIN.',
  reference: 'https://www.rfc-editor.org/rfc/rfc8460#section-3',
  requires: ['email'],
  run({ email }) {
    const record = email.tlsRpt.records.find((r) => /^v=TLSRPTv1\b/.test(r));
    if (!record) return [];
    const errors = tlsRptErrors(record);
    if (errors.length === 0) return [];
    // The addresses that are valid stay; with none left, a mailbox of the domain.
    const rua = (tagValue(parseTagList(record), 'rua') ?? '').split(',').map((u) => u.trim()).filter((u) => u !== '' && tlsRptErrors(`v=TLSRPTv1; rua=${u}`).length === 0);
    const value = `v=TLSRPTv1; rua=${rua.length > 0 ? rua.join(',') : `mailto:tls-reports@${email.domain}`}`;
    return [{ target: email.domain, evidence: `${email.tlsRpt.name}: "${record}"\n${errors.map((e) => `  ${e}`).join('\n')}`, remediation: publishText('Publish this as the only v=TLSRPTv1 record', [{ name: email.tlsRpt.name, type: 'TXT', value }]) }];
  },
});

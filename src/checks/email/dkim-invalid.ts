import { defineCheck } from '../../core/check.js';
import { repairedDkimText } from '../../email/dkim/advice.js';
import { selectorKeys, shortRecord } from '../../email/dkim/keys.js';

export default defineCheck({
  id: 'email.dkim-invalid',
  severity: 'high',
  stage: 1,
  title: 'Every published DKIM key record can be read',
  failureTitle: 'A DKIM key record is broken: signatures made with it fail',
  description: 'Parses each DKIM key record (RFC 6376 §3.6.1): the tag list, v=DKIM1 first when present, a known key type, and a p= key that is valid base64 and decodes to a public key. A record cut while pasting is the usual cause.',
  impact: 'Mail signed with this selector fails DKIM, so it depends on SPF alone and is more likely to be filtered or rejected under DMARC.',
  remediation: 'Copy the record again from your mail provider, in full (long keys are split into several quoted strings; they must be published as one record), and publish it in place of the broken one.',
  reference: 'https://www.rfc-editor.org/rfc/rfc6376#section-3.6.1',
  requires: ['email'],
  run({ email }) {
    return selectorKeys(email)
      .filter((k) => k.key && k.record && k.key.errors.length > 0)
      .map((k) => ({ target: email.domain, evidence: `${k.name}: "${shortRecord(k.record as string)}"\n${k.key?.errors.map((e) => `  ${e}`).join('\n')}`, remediation: repairedDkimText(k.name, k.record as string) }));
  },
});

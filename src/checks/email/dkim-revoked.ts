import { defineCheck } from '../../core/check.js';
import { keyShape } from '../../email/dkim/advice.js';
import { selectorKeys } from '../../email/dkim/keys.js';
import { publishText } from '../../email/record-line.js';

export default defineCheck({
  id: 'email.dkim-revoked',
  severity: 'info',
  stage: 1,
  title: 'No DKIM selector is published as revoked',
  failureTitle: 'A DKIM selector is revoked (empty p=)',
  description: 'An empty p= tag means the key was revoked on purpose (RFC 6376 §3.6.1): signatures made with that selector fail. Normal after a key rotation; a problem if a service still signs with it.',
  impact: 'Mail still signed with the revoked selector fails DKIM.',
  remediation: 'Nothing if the selector is retired; otherwise publish the current key for it, or make the sending service use its new selector.',
  reference: 'https://www.rfc-editor.org/rfc/rfc6376#section-3.6.1',
  requires: ['email'],
  run({ email }) {
    return selectorKeys(email)
      .filter((k) => k.key?.revoked)
      .map((k) => ({
        target: email.domain,
        evidence: `${k.name}: "${k.record}"`,
        remediation: publishText(`Nothing to do if no service signs with "${k.selector}" any more. If one still does, publish its current key`, [{ name: k.name, type: 'TXT', value: keyShape(k.key?.keyType) }]),
      }));
  },
});

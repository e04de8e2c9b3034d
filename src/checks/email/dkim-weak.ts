import { defineCheck, type FindingDraft } from '../../core/check.js';
import { rotationSteps } from '../../email/dkim/advice.js';
import { selectorKeys, shortRecord } from '../../email/dkim/keys.js';
import { publishText } from '../../email/record-line.js';

export default defineCheck({
  id: 'email.dkim-weak',
  severity: 'medium',
  stage: 1,
  title: 'DKIM keys are at least 2048-bit RSA (or Ed25519) and not limited to SHA-1',
  failureTitle: 'A DKIM key is too weak',
  description:
    'Reads the RSA key size from each published key. Below 2048 bits is medium; 1024 bits or fewer is high, since such keys can be factored by a determined attacker and some receivers already ignore them (RFC 8301). A key restricted to h=sha1 can only make signatures receivers must not trust.',
  impact: 'A forger who breaks the key can sign mail as your shop that passes DKIM and DMARC.',
  remediation: 'Generate a 2048-bit key in your mail provider\'s dashboard (most rotate selectors for you), publish it, and remove the old record once mail is signed with the new one.',
  reference: 'https://www.rfc-editor.org/rfc/rfc8301',
  requires: ['email'],
  run({ email }) {
    const drafts: FindingDraft[] = [];
    const keys = selectorKeys(email);
    const taken = keys.map((k) => k.selector);
    for (const k of keys) {
      if (!k.key || !k.record || k.key.errors.length > 0 || k.key.revoked) continue;
      if (k.key.keyType === 'rsa' && k.key.bits !== undefined && k.key.bits < 2048) {
        drafts.push({
          target: email.domain,
          severity: k.key.bits <= 1024 ? 'high' : 'medium',
          title: `DKIM key "${k.selector}" is only ${k.key.bits}-bit RSA`,
          evidence: `${k.name}: ${k.key.bits}-bit RSA key — "${shortRecord(k.record)}"`,
          remediation: rotationSteps(email.domain, k.selector, taken),
        });
      }
      if (k.key.hashes.length > 0 && k.key.hashes.every((h) => h === 'sha1')) {
        drafts.push({
          target: email.domain,
          title: `DKIM key "${k.selector}" only allows SHA-1 signatures`,
          evidence: `${k.name}: h=${k.key.hashes.join(':')} — "${shortRecord(k.record)}"`,
          // h= only restricts which hashes verifiers accept; the key itself is fine with SHA-256.
          remediation: publishText('Publish the same key allowing SHA-256, and make sure the signer uses rsa-sha256', [{ name: k.name, type: 'TXT', value: k.record.replace(/(^|;)(\s*)h\s*=[^;]*/, '$1$2h=sha256') }]),
        });
      }
    }
    return drafts;
  },
});

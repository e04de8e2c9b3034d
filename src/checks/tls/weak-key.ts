import { defineCheck, type FindingDraft } from '../../core/check.js';
import { certificateWeaknesses as weaknesses } from '../../analysis/certificate-strength.js';

export default defineCheck({
  id: 'tls.weak-key',
  severity: 'medium',
  stage: 2,
  title: 'Certificates use strong keys and signatures',
  failureTitle: 'A certificate uses a weak key or a SHA-1 signature',
  description:
    'Inspects the leaf and intermediate certificates each host sends: an RSA key under 2048 bits (high under 1024) or a SHA-1 ' +
    'signature is weak. A root\'s signature on itself is not checked, since trust in a root does not rest on it.',
  impact:
    'Browsers reject SHA-1 and short RSA keys outright or flag them, and a factorable key lets an attacker impersonate the shop.',
  remediation:
    'Reissue the certificate with an ECDSA P-256 or RSA 2048+ key and a SHA-256 signature, and replace any intermediate signed with ' +
    'SHA-1 by the current one from your CA.',
  reference: 'https://wiki.mozilla.org/Security/Server_Side_TLS',
  requires: ['hosts'],
  run({ hosts }) {
    const drafts: FindingDraft[] = [];
    for (const host of hosts) {
      const tls = host.tls;
      if (!tls?.ok) continue;
      const found = tls.chain.flatMap((cert, i) => {
        if (i > 0 && cert.selfSigned) return [];
        return weaknesses(cert, i === 0 ? 'leaf' : 'intermediate');
      });
      if (found.length === 0) continue;
      drafts.push({
        target: host.host,
        severity: found.some((w) => w.severity === 'high') ? 'high' : 'medium',
        evidence: found.map((w) => w.text).join('; '),
      });
    }
    return drafts;
  },
});

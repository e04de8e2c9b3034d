import type { TlsProbe } from '../../core/artifacts.js';
import { certificateWeaknesses } from '../../analysis/certificate-strength.js';
import { defineCheck, type FindingDraft } from '../../core/check.js';

// OpenSSL verification codes as Node reports them, in words a site owner can act on.
const MEANING: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'the chain ends in a self-signed root that browsers do not trust',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the issuer is unknown, or the server does not send the intermediate certificate',
  UNABLE_TO_GET_ISSUER_CERT: 'the issuer is unknown, or the server does not send the intermediate certificate',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the issuer is unknown, or the server does not send the intermediate certificate',
  CERT_UNTRUSTED: 'the root certificate is not trusted',
  CERT_REVOKED: 'the certificate has been revoked',
  CERT_SIGNATURE_FAILURE: 'a signature in the chain does not verify',
  CERT_HAS_EXPIRED: 'a certificate in the chain has expired',
  CERT_NOT_YET_VALID: 'a certificate in the chain is not valid yet',
};

/** Whether the verification error is one that tls.expired or tls.hostname-mismatch already reports. */
function reportedElsewhere(tls: TlsProbe, code: string, now: number): boolean {
  const leaf = tls.chain[0];
  const leafDatesWrong = leaf !== undefined && (Date.parse(leaf.validTo) < now || Date.parse(leaf.validFrom) > now);
  if ((code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') && leafDatesWrong) return true;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' && !tls.hostnameMatches) return true;
  // OpenSSL refuses SHA-1 signatures and short keys at its default security level, and Node
  // reports that as UNSPECIFIED (or the specific codes below): tls.weak-key says it with the cause.
  const weak = tls.chain.some((c, i) => !(c.selfSigned && i > 0) && certificateWeaknesses(c, 'certificate').length > 0);
  return weak && ['UNSPECIFIED', 'CA_MD_TOO_WEAK', 'EE_KEY_TOO_SMALL', 'CA_KEY_TOO_SMALL'].includes(code);
}

export default defineCheck({
  id: 'tls.untrusted',
  severity: 'high',
  stage: 2,
  title: 'Every certificate chains to a trusted root',
  failureTitle: 'A certificate is not trusted',
  description:
    'Verifies the chain each host presents against the system roots (plus `--ca`): a self-signed certificate, an unknown ' +
    'issuer or a missing intermediate fails. Expiry and a wrong host name have their own checks (tls.expired, ' +
    'tls.hostname-mismatch), and so does a chain refused only for a weak key or a SHA-1 signature (tls.weak-key); they are not reported again here.',
  impact: 'Browsers and API clients refuse the connection or show a security warning, so visitors, payment webhooks and integrations fail.',
  remediation:
    'Serve a certificate from a public CA (ACME/Let\'s Encrypt or the CDN\'s managed certificate) and configure the server to send ' +
    'the full chain (leaf plus intermediates, e.g. fullchain.pem); check with `openssl s_client -connect HOST:443 -servername HOST -showcerts`.',
  reference: 'https://www.rfc-editor.org/rfc/rfc5280#section-6',
  requires: ['hosts'],
  run({ plan, hosts }) {
    const drafts: FindingDraft[] = [];
    const now = Date.parse(plan.now);
    for (const host of hosts) {
      const tls = host.tls;
      if (!tls?.ok || tls.authorized) continue;
      const code = tls.authorizationError ?? '';
      if (reportedElsewhere(tls, code, now)) continue;
      const chain = tls.chain.map((c) => `${c.subject} (issuer ${c.issuer}${c.selfSigned ? ', self-signed' : ''})`).join(' <- ');
      const why = MEANING[code] ?? 'the chain could not be verified';
      drafts.push({ target: host.host, evidence: `${code || 'not verified'}: ${why}; chain sent: ${chain || 'none'}` });
    }
    return drafts;
  },
});

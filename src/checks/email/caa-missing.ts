import { defineCheck } from '../../core/check.js';
import { organisationalDomain } from '../../email/org-domain.js';
import { publishText } from '../../email/record-line.js';

export default defineCheck({
  id: 'email.caa-missing',
  severity: 'info',
  stage: 1,
  title: 'CAA records say which certificate authorities may issue for the web hosts',
  failureTitle: 'No CAA record: any certificate authority may issue certificates for this host',
  description: 'Looks up CAA records for each web host, climbing to its parent names up to the registered domain as CAs do (RFC 8659 §3).',
  impact: 'A mis-issued certificate from any of the hundreds of trusted CAs would be accepted for your shop; CAA narrows that to the CA you use.',
  remediation: 'Publish a CAA record at the registered domain for the CA you use, e.g. `0 issue "letsencrypt.org"` (and one per other CA you use).',
  reference: 'https://www.rfc-editor.org/rfc/rfc8659',
  requires: ['email'],
  run({ email }) {
    return email.caa
      .filter((c) => !c.foundAt && !c.error)
      .map((c) => ({
        target: c.host,
        evidence: `${c.host}: no CAA record on the host or its parents`,
        // At the registered domain, one set covers every host below it (RFC 8659 §3).
        remediation: publishText(
          'Publish one record per certificate authority that issues your certificates (the issuer named in your certificates: letsencrypt.org, pki.goog, amazon.com, sectigo.com, digicert.com…), for instance',
          [{ name: organisationalDomain(c.host), type: 'CAA', value: '0 issue "letsencrypt.org"' }],
        ),
      }));
  },
});

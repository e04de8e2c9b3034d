import { defineCheck, type FindingDraft } from '../../core/check.js';

export default defineCheck({
  id: 'tls.legacy-protocol',
  severity: 'medium',
  stage: 2,
  title: 'TLS 1.0 and 1.1 are refused',
  failureTitle: 'TLS 1.0 or 1.1 is still accepted',
  description:
    'Attempts a handshake limited to TLS 1.0, then one limited to TLS 1.1 (at OpenSSL security level 0, so the probe sees what ' +
    'the server accepts rather than what Node allows), and reports a host that completes either.',
  impact:
    'Protocols deprecated since 2021 (RFC 8996) fail PCI DSS scans that payment providers require, and leave old clients open to downgrade attacks.',
  remediation:
    'Set the minimum protocol to TLS 1.2 on the server or edge (nginx `ssl_protocols TLSv1.2 TLSv1.3;`, Cloudflare "Minimum TLS Version", ' +
    'CloudFront security policy TLSv1.2_2021) and re-run the audit.',
  reference: 'https://www.rfc-editor.org/rfc/rfc8996',
  requires: ['hosts'],
  run({ hosts }) {
    const drafts: FindingDraft[] = [];
    for (const host of hosts) {
      const tls = host.tls;
      if (!tls?.ok) continue;
      const accepted = (['TLSv1', 'TLSv1.1'] as const).filter((v) => tls.legacyProtocols[v] === true);
      if (accepted.length === 0) continue;
      drafts.push({ target: host.host, evidence: `${host.host}:${tls.port} completes a handshake limited to ${accepted.join(' and ')}` });
    }
    return drafts;
  },
});

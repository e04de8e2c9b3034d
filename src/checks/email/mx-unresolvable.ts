import { defineCheck } from '../../core/check.js';

export default defineCheck({
  id: 'email.mx-unresolvable',
  severity: 'high',
  stage: 1,
  title: 'Every MX host has an address',
  failureTitle: 'An MX host has no address: mail sent to it cannot be delivered',
  description: 'Looks up the A and AAAA records of each MX host. A host that does not exist, or has no address, makes senders retry and eventually bounce (or fall through to the next MX, if any).',
  impact: 'Replies and customer mail to your domain are delayed or bounced.',
  remediation: 'Point the MX at the host name your mailbox provider gives (copy it exactly, including the final part), or add the missing A/AAAA record.',
  reference: 'https://www.rfc-editor.org/rfc/rfc5321#section-5.1',
  requires: ['email'],
  run({ email }) {
    return email.mx.hosts
      .filter((h) => h.exchange !== '' && (h.status === 'nxdomain' || h.status === 'nodata'))
      .map((h) => ({ target: email.domain, evidence: `MX ${h.priority} ${h.exchange}: ${h.status === 'nxdomain' ? 'NXDOMAIN (no such name)' : 'no A or AAAA record'}` }));
  },
});

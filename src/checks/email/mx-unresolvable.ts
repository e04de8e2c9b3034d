import { defineCheck } from '../../core/check.js';
import type { EmailArtifact, MxHost } from '../../email/artifact.js';
import { mxLines, providerMx } from '../../email/mx-advice.js';
import { organisationalDomain } from '../../email/org-domain.js';
import { publishText, recordLine } from '../../email/record-line.js';

const dead = (h: MxHost) => h.exchange !== '' && (h.status === 'nxdomain' || h.status === 'nodata');

/** The MX set without the dead hosts when others still work; the address a host of your own needs; else the provider's set. */
function fixFor(email: EmailArtifact, host: MxHost): string {
  const alive = email.mx.hosts.filter((h) => !dead(h));
  const own = organisationalDomain(host.exchange) === organisationalDomain(email.domain);
  const address = own ? `\nOr, if ${host.exchange} is your own mail server, give it its address:\n${recordLine({ name: host.exchange, type: 'A', value: '<the mail server\'s public IPv4 address>' })}` : '';
  if (alive.length > 0) {
    const gone = email.mx.hosts.filter(dead).map((h) => `${h.priority} ${h.exchange}`);
    return `${publishText(`Publish this MX set (${gone.join(', ')} removed: delete ${gone.length === 1 ? 'that record' : 'those records'})`, mxLines(email.domain, alive))}${address}`;
  }
  const provider = providerMx(email);
  if (provider) return `${publishText(`Replace the MX records with ${provider.provider}'s, as your SPF record names it`, provider.records)}${address}`;
  return `${publishText('Replace the MX records with the host names on your mailbox provider\'s setup page, copied exactly', [{ name: email.domain, type: 'MX', value: '10 <mail host from the setup page>' }])}${address}`;
}


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
      .filter(dead)
      .map((h) => ({ target: email.domain, evidence: `MX ${h.priority} ${h.exchange}: ${h.status === 'nxdomain' ? 'NXDOMAIN (no such name)' : 'no A or AAAA record'}`, remediation: fixFor(email, h) }));
  },
});

import { defineCheck } from '../../core/check.js';
import { discoveredDmarc } from '../../email/dmarc/discovered.js';
import { effectivePolicy, parseDmarcRecord } from '../../email/dmarc/record.js';
import type { EmailArtifact } from '../../email/artifact.js';
import { nullMxSet, providerMx } from '../../email/mx-advice.js';
import { publishText } from '../../email/record-line.js';

/** RFC 7505 §4: a domain that sends no mail says so with a Null MX, `v=spf1 -all` and `p=reject`. */
function declaresNoMail(email: EmailArtifact): boolean {
  const found = discoveredDmarc(email.dmarc);
  const dmarc = found?.records.length === 1 ? parseDmarcRecord(found.records[0]) : undefined;
  return /^v=spf1 +-all *$/i.test(email.spf.record ?? '') && dmarc !== undefined && effectivePolicy(dmarc) === 'reject';
}

export default defineCheck({
  id: 'email.mx-missing',
  severity: 'high',
  stage: 1,
  title: 'The domain can receive mail (it has MX records)',
  failureTitle: 'No MX record: replies and bounces to your domain are lost',
  description:
    'Looks up the MX records of the email domain. Without them, replies from customers and bounce reports cannot be delivered, and many filters distrust senders whose domain cannot receive mail. A domain that sends no mail may instead publish a Null MX (RFC 7505) together with "v=spf1 -all" and a DMARC p=reject, which passes.',
  impact: 'Customers who reply to an order confirmation get a bounce, and your own mail is scored as more likely to be spam.',
  remediation: 'Publish MX records for your mailbox provider (its setup page lists them), or, if the domain never sends or receives mail, a Null MX "0 ." with "v=spf1 -all" and "v=DMARC1; p=reject".',
  reference: 'https://www.rfc-editor.org/rfc/rfc7505',
  requires: ['email'],
  run({ email }) {
    const mx = email.mx;
    if (mx.status === 'nxdomain' || mx.status === 'nodata') {
      const provider = providerMx(email);
      const receive = provider
        ? publishText(`Publish ${provider.provider}'s MX records (your SPF record names it)`, provider.records)
        : publishText('Publish the MX records your mailbox provider\'s setup page lists, for instance', [{ name: email.domain, type: 'MX', value: '10 <mail host from the setup page>' }]);
      return [
        {
          target: email.domain,
          evidence: `${email.domain} MX: ${mx.status === 'nxdomain' ? 'NXDOMAIN (the domain does not exist)' : 'no MX record'}`,
          remediation: `${receive}\n${publishText('Or, if the domain never sends or receives mail, say so', nullMxSet(email.domain))}`,
        },
      ];
    }
    const nullMx = mx.hosts.length === 1 && mx.hosts[0].exchange === '';
    if (!nullMx || declaresNoMail(email)) return [];
    return [
      {
        target: email.domain,
        severity: 'medium',
        title: 'A Null MX says the domain takes no mail, but SPF and DMARC do not say it sends none',
        evidence: `${email.domain} MX 0 . (Null MX); SPF: ${email.spf.record ? `"${email.spf.record}"` : 'none'}; DMARC p=reject: ${declaresNoMail(email) ? 'yes' : 'no'}`,
        remediation: `${publishText('If the domain sends no mail, publish these (the Null MX stays)', nullMxSet(email.domain).slice(1))}\nIf it does send or receive mail, replace the Null MX with your mailbox provider's MX records.`,
      },
    ];
  },
});

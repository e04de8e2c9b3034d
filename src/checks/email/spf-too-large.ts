import { defineCheck } from '../../core/check.js';
import { publishText } from '../../email/record-line.js';
import { splitLongRecord } from '../../email/spf/flatten.js';

/** RFC 7208 §3.4: the answer SHOULD fit in 512 octets; past this, resolvers must fall back to TCP. */
const UDP_LIMIT = 512;
const TCP_ONLY = 4096;

export default defineCheck({
  id: 'email.spf-too-large',
  severity: 'low',
  stage: 1,
  title: 'The TXT answer holding the SPF record is small enough for one UDP packet',
  failureTitle: 'The SPF answer is too large for one DNS packet',
  description:
    'Adds up the TXT records at the email domain: a query for the SPF record returns all of them. RFC 7208 §3.4 asks for the answer to fit in 512 bytes; larger answers need EDNS or a TCP retry, and above a few kilobytes only TCP works.',
  impact: 'Receivers whose resolvers cannot retry over TCP get a temperror or no SPF at all, and defer or filter your mail.',
  remediation: 'Shorten the SPF record (fewer ip terms, an include for long address lists) and remove verification TXT records you no longer need.',
  reference: 'https://www.rfc-editor.org/rfc/rfc7208#section-3.4',
  requires: ['email'],
  run({ email }) {
    const bytes = email.spf.txtBytes ?? 0;
    if (bytes <= UDP_LIMIT) return [];
    const spfBytes = email.spf.record ? Buffer.byteLength(email.spf.record) : 0;
    const split = splitLongRecord(email.spf);
    const remediation = split
      ? publishText('Publish these records (the address terms moved to helper records the main one includes; delete any other record they replace)', split.map((r) => ({ ...r, type: 'TXT' as const })))
      : `List the TXT records at ${email.domain} (\`dig +short TXT ${email.domain}\`): the SPF record is ${spfBytes.toLocaleString('en-US')} bytes of the ${bytes.toLocaleString('en-US')}. Delete the site-verification records of services you no longer use${spfBytes > 450 ? ', and move long ip4/ip6 lists into an include of a helper record such as _spf1.' + email.domain : ''}.`;
    return [
      {
        target: email.domain,
        remediation,
        severity: bytes > TCP_ONLY ? 'medium' : 'low',
        evidence: `the TXT answer at ${email.spf.domain} holds ${bytes.toLocaleString('en-US')} bytes of text (advised: under ${UDP_LIMIT})${email.spf.record ? `; the SPF record alone is ${Buffer.byteLength(email.spf.record).toLocaleString('en-US')}` : ''}`,
      },
    ];
  },
});

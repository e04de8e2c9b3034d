import { defineCheck } from '../../core/check.js';
import { starterSpf } from '../../email/advice.js';
import { publishText } from '../../email/record-line.js';

export default defineCheck({
  id: 'email.spf-missing',
  severity: 'high',
  stage: 1,
  title: 'The domain publishes an SPF record',
  failureTitle: 'No SPF record: receivers cannot tell your mail servers from a forger\'s',
  description: 'Looks for a TXT record starting with "v=spf1" at the email domain (RFC 7208 §4.5). Without one, SPF evaluates to "none" for every message.',
  impact: 'Order confirmations and password resets are more likely to land in spam, and anyone can put your domain in the envelope sender.',
  remediation: 'Publish one TXT record at the domain listing the services that send your mail (your mailbox provider, your transactional email service) and ending in ~all.',
  reference: 'https://www.rfc-editor.org/rfc/rfc7208#section-3',
  requires: ['email'],
  run({ email }) {
    const root = email.spf;
    if (root.status !== 'none') return [];
    const why = root.missing === 'nxdomain' ? `${root.domain} does not exist (NXDOMAIN)` : `no TXT record at ${root.domain} starts with "v=spf1"`;
    return [{ target: email.domain, evidence: why, remediation: publishText(`Publish this record (replace any placeholder with your provider's SPF domain)`, [{ name: email.domain, type: 'TXT', value: starterSpf(email) }]) }];
  },
});

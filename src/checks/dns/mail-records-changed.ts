import { defineCheck } from '../../core/check.js';
import { isMailChange } from '../../dnsdiff/classify.js';
import { planChanges } from '../../dnsdiff/diff.js';
import { describeChange } from '../../dnsdiff/render-plan.js';

function kindOf(name: string, type: string): string {
  if (type === 'MX') return 'MX (where mail to the domain goes)';
  if (name.startsWith('_dmarc.')) return 'DMARC';
  if (name.includes('._domainkey.')) return 'DKIM';
  return 'SPF';
}

export default defineCheck({
  id: 'dns.mail-records-changed',
  severity: 'high',
  stage: 1,
  title: 'SPF, DMARC, DKIM and MX records match the desired state',
  failureTitle: 'Mail records differ from the desired state: deliverability at risk',
  description:
    'Picks the differences between the live DNS and the desired state that touch mail: a TXT record starting with v=spf1, anything at _dmarc. or ._domainkey. names, and MX records. A dropped include, key or MX is the classic way a DNS clean-up sends order confirmations to spam or loses incoming mail.',
  impact: 'Order confirmations and password resets may start failing SPF, DKIM or DMARC and land in spam, or replies to your shop may bounce.',
  remediation: 'Restore the record from the desired state unless the change was intended, then check the result with `launch-ready email DOMAIN`.',
  reference: 'https://www.rfc-editor.org/rfc/rfc7489#section-4',
  requires: ['dnsState'],
  run({ dnsState }) {
    return planChanges(dnsState)
      .changes.filter(isMailChange)
      .map((c) => ({ target: c.name, evidence: `${kindOf(c.name, c.type)}: ${describeChange(c)} (desired: ${dnsState.desiredSource})` }));
  },
});

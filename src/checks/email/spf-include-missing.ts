import { defineCheck } from '../../core/check.js';
import { didYouMean } from '../../config/did-you-mean.js';
import { KNOWN_SPF_INCLUDES, spfRemediation } from '../../email/advice.js';
import { nodesOf } from '../../email/spf/walk.js';

export default defineCheck({
  id: 'email.spf-include-missing',
  severity: 'high',
  stage: 1,
  title: 'Every SPF include and redirect target has an SPF record',
  failureTitle: 'An SPF include points at a domain with no SPF record: permerror',
  description:
    'Follows each include and redirect. A target without an SPF record (a typo, a provider that moved its record, a cancelled account) makes check_host() return permerror (RFC 7208 §5.2, §6.1) for every sender evaluated past it.',
  impact: 'SPF is broken for much of your mail, which is then rejected or filtered unless DKIM carries it.',
  remediation: 'Correct the domain name (compare with your provider\'s setup page) or remove the include.',
  reference: 'https://www.rfc-editor.org/rfc/rfc7208#section-5.2',
  requires: ['email'],
  run({ email }) {
    const fix = spfRemediation(email.spf);
    return nodesOf(email.spf)
      .filter((n) => n.via !== 'root' && n.status === 'none')
      .map((n) => {
        const why = n.missing === 'nxdomain' ? 'does not exist (NXDOMAIN)' : n.missing === 'bad-name' ? 'is not a valid domain name' : 'has no TXT record starting with v=spf1';
        // The corrected tree drops the include; a typo of the provider's name is better fixed by hand, hence the note.
        const hint = didYouMean(n.domain, KNOWN_SPF_INCLUDES);
        const typo = hint ? `If you meant ${hint}, write include:${hint} instead of ${n.term}.` : `If ${n.domain} is a misspelt provider domain, put the include back with the name from your provider's setup page instead.`;
        const remediation = fix ? `${fix}\n${typo}` : typo;
        return { target: email.domain, evidence: `${n.term}: ${n.domain} ${why}`, ...(remediation ? { remediation } : {}) };
      });
  },
});

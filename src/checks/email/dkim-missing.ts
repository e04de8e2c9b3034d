import { defineCheck, type FindingDraft } from '../../core/check.js';
import { keyShape } from '../../email/dkim/advice.js';
import { isUsable, selectorKeys } from '../../email/dkim/keys.js';
import { publishText } from '../../email/record-line.js';

export default defineCheck({
  id: 'email.dkim-missing',
  severity: 'medium',
  stage: 1,
  title: 'A DKIM key is published for a selector in use',
  failureTitle: 'No DKIM key found: your mail cannot be signed in a way receivers can check',
  description:
    'Looks up SELECTOR._domainkey.DOMAIN for the selectors in email.dkimSelectors and for the common providers\' selectors (see docs/email.md). No usable key means DMARC can only pass through SPF, which breaks when mail is forwarded. A configured selector without a key is reported on its own, as low.',
  impact: 'Forwarded order confirmations fail DMARC, and Gmail and Yahoo expect DKIM from anyone sending in volume; more of your mail lands in spam.',
  remediation: 'Turn on DKIM in your mail provider\'s dashboard and publish the record it gives you; if your provider uses its own selector names, list them in email.dkimSelectors.',
  reference: 'https://www.rfc-editor.org/rfc/rfc6376#section-3.6.2',
  requires: ['email'],
  run({ email }) {
    const keys = selectorKeys(email);
    const failed = email.dkim.selectors.some((s) => s.lookup.status === 'error');
    const drafts: FindingDraft[] = [];
    if (!keys.some(isUsable) && !failed) {
      drafts.push({
        target: email.domain,
        evidence: `no usable key at any of ${email.dkim.probed.length} selectors (${email.dkim.probed.slice(0, 8).join(', ')}, …)${keys.length > 0 ? `; answered: ${keys.map((k) => k.selector).join(', ')}` : ''}`,
        remediation: `${publishText(
          'Turn on DKIM in your mail provider\'s settings and publish what it gives you: either CNAME records (Microsoft 365, SendGrid, Amazon SES and others; publish them as given) or a key record of this shape, SELECTOR being the name it shows',
          [{ name: `SELECTOR._domainkey.${email.domain}`, type: 'TXT', value: keyShape() }],
        )}\nIf a key is already published under a selector of your own, list it in email.dkimSelectors so it is checked.`,
      });
    }
    for (const k of keys.filter((x) => x.source === 'config' && x.record === undefined && email.dkim.selectors.find((s) => s.selector === x.selector)?.lookup.status !== 'error')) {
      drafts.push({ target: email.domain, severity: 'low', title: `The configured DKIM selector "${k.selector}" has no key`, evidence: `${k.name}: no DKIM record`, remediation: publishText('Publish the key your provider gives for this selector (or remove it from email.dkimSelectors)', [{ name: k.name, type: 'TXT', value: keyShape() }]) });
    }
    return drafts;
  },
});

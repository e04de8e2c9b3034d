import { defineCheck } from '../../core/check.js';
import { spfRemediation } from '../../email/advice.js';
import { finalAll } from '../../email/spf/walk.js';

export default defineCheck({
  id: 'email.spf-no-all',
  severity: 'medium',
  stage: 1,
  title: 'SPF ends with an "all" that says what to do with other senders',
  failureTitle: 'SPF never says "all": mail from anyone else is only "neutral"',
  description:
    'A record (and its redirect chain) without an "all" mechanism ends in the default result "neutral" for every address it does not list (RFC 7208 §4.7), which receivers treat like no SPF at all.',
  impact: 'Forged mail from other servers is not marked as failing SPF, so it reaches inboxes more easily.',
  remediation: 'Add "~all" at the end of the record (or "-all" once every service that sends your mail is listed).',
  reference: 'https://www.rfc-editor.org/rfc/rfc7208#section-4.7',
  requires: ['email'],
  run({ email }) {
    const root = email.spf;
    if (root.status !== 'ok' || root.errors.length > 0 || finalAll(root)) return [];
    const chainBroken = root.children.some((c) => c.via === 'redirect' && c.status !== 'ok');
    if (chainBroken) return [];
    const fix = spfRemediation(root);
    let last = root;
    for (let next = last.children.find((c) => c.via === 'redirect'); next; next = last.children.find((c) => c.via === 'redirect')) last = next;
    return [
      {
        target: email.domain,
        evidence: `${root.domain}: "${root.record}" has no "all"${last !== root ? ', and neither does its redirect chain' : ''}`,
        ...(fix ? { remediation: fix } : {}),
      },
    ];
  },
});

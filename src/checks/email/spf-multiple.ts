import { defineCheck } from '../../core/check.js';
import { spfRemediation } from '../../email/advice.js';
import { publishText } from '../../email/record-line.js';
import { mergeSpf } from '../../email/spf/repair.js';
import { nodesOf } from '../../email/spf/walk.js';

export default defineCheck({
  id: 'email.spf-multiple',
  severity: 'high',
  stage: 1,
  title: 'Each domain in the SPF tree has exactly one SPF record',
  failureTitle: 'More than one SPF record: SPF fails for every message (permerror)',
  description: 'Counts the TXT records starting with "v=spf1" at the domain and at every include/redirect target. Two or more make check_host() return permerror (RFC 7208 §4.5); a common result of adding a new provider\'s record instead of editing the existing one.',
  impact: 'Receivers treat SPF as broken for all your mail, so DMARC can only pass through DKIM and much of your mail may be rejected or filtered.',
  remediation: 'Merge the records into one: keep every include, ip4 and ip6 term once and a single "all" at the end, then delete the others.',
  reference: 'https://www.rfc-editor.org/rfc/rfc7208#section-4.5',
  requires: ['email'],
  run({ email }) {
    const fix = spfRemediation(email.spf);
    return nodesOf(email.spf)
      .filter((n) => n.status === 'multiple')
      .map((n) => {
        // The domain's own duplicates are merged; below it, the corrected tree (merged when the name is yours, else the include dropped).
        const remediation = n.via === 'root' ? publishText(`Replace them with this single record (delete the others)`, [{ name: n.domain, type: 'TXT', value: mergeSpf(n.records ?? []) }]) : fix;
        return {
          target: email.domain,
          evidence: `${n.via === 'root' ? n.domain : `${n.term} → ${n.domain}`} has ${n.records?.length} SPF records:\n${(n.records ?? []).map((r) => `  ${r}`).join('\n')}`,
          ...(remediation ? { remediation } : {}),
        };
      });
  },
});

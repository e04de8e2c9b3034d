import { defineCheck, type FindingDraft } from '../../core/check.js';
import { mtaStsTxtErrors, mxMatches, nextPolicyId, parseMtaStsPolicy, suggestedPolicy } from '../../email/mta-sts.js';
import { publishText } from '../../email/record-line.js';
import { parseTagList, tagValue } from '../../email/tag-list.js';

export default defineCheck({
  id: 'email.mta-sts-invalid',
  severity: 'low',
  stage: 1,
  title: 'The MTA-STS record and policy are valid and cover every MX',
  failureTitle: 'MTA-STS is published but broken',
  description:
    'Checks the _mta-sts TXT record (v=STSv1 and an id), fetches the policy from https://mta-sts.DOMAIN/.well-known/mta-sts.txt without following redirects, and parses it (version, mode, max_age, mx). In enforce mode, an MX host that no mx: line matches is reported as medium: senders that honour the policy refuse to deliver to it.',
  impact: 'A broken policy gives no protection; an enforce policy that misses an MX host makes compliant senders (Gmail among them) refuse to deliver your mail.',
  remediation: 'Fix the record or policy file as the evidence says; list every MX host (or a *.provider pattern) under mx:, and bump the id in the TXT record after each change.',
  reference: 'https://www.rfc-editor.org/rfc/rfc8461#section-3',
  requires: ['email'],
  run({ email }) {
    const { txt, policy } = email.mtaSts;
    const record = txt.records.find((r) => /^v=STSv1\b/.test(r));
    if (!record) return [];
    const drafts: FindingDraft[] = [];
    const id = tagValue(parseTagList(record), 'id');
    const hosts = email.mx.hosts.filter((h) => h.exchange !== '').map((h) => h.exchange);
    const policyUrl = `https://mta-sts.${email.domain}/.well-known/mta-sts.txt`;
    /** The policy to serve and the TXT record with a new id, so senders fetch it again (§3.1). */
    const republish = (current?: ReturnType<typeof parseMtaStsPolicy>) =>
      [`Serve this policy at ${policyUrl}:`, ...suggestedPolicy(hosts, current).split('\n').map((l) => `    ${l}`), publishText('then publish a new id so senders fetch it', [{ name: txt.name, type: 'TXT', value: `v=STSv1; id=${nextPolicyId(id)}` }])].join('\n');
    const recordErrors = [...(txt.records.filter((r) => /^v=STSv1\b/.test(r)).length > 1 ? ['more than one v=STSv1 record (senders then ignore MTA-STS)'] : []), ...mtaStsTxtErrors(record)];
    if (recordErrors.length > 0) {
      const fixed = `v=STSv1; id=${id && /^[A-Za-z0-9]{1,32}$/.test(id) ? id : nextPolicyId(id)}`;
      drafts.push({ target: email.domain, evidence: `${txt.name}: "${record}"\n${recordErrors.map((e) => `  ${e}`).join('\n')}`, remediation: publishText('Publish this as the only v=STSv1 record', [{ name: txt.name, type: 'TXT', value: fixed }]) });
    }
    if (!policy) return drafts;
    if (policy.error || policy.status !== 200) {
      drafts.push({ target: email.domain, evidence: `${policy.url}: ${policy.error ?? `HTTP ${policy.status}`} (the policy must be served with 200, over valid HTTPS, without redirects)`, remediation: republish() });
      return drafts;
    }
    const parsed = parseMtaStsPolicy(policy.body);
    if (parsed.errors.length > 0) drafts.push({ target: email.domain, evidence: `${policy.url}:\n${parsed.errors.map((e) => `  ${e}`).join('\n')}`, remediation: republish(parsed) });
    const uncovered = email.mx.hosts.filter((h) => h.exchange !== '' && !parsed.mx.some((p) => mxMatches(h.exchange, p)));
    if (parsed.mode === 'enforce' && uncovered.length > 0) {
      drafts.push({
        target: email.domain,
        severity: 'medium',
        title: 'MTA-STS enforces a policy that does not list every MX host',
        evidence: `${policy.url}: mode enforce, mx ${parsed.mx.join(', ') || '(none)'}; not covered: ${uncovered.map((h) => h.exchange).join(', ')}`,
        remediation: republish(parsed),
      });
    }
    return drafts;
  },
});

import { defineCheck, type FindingDraft } from '../../core/check.js';
import { brokenHosts, isBrokenHostChange, isMailChange } from '../../dnsdiff/classify.js';
import { dangerReasons, planChanges } from '../../dnsdiff/diff.js';
import { describeChange } from '../../dnsdiff/render-plan.js';

export default defineCheck({
  id: 'dns.drift',
  severity: 'medium',
  stage: 1,
  title: 'The live DNS matches the desired state',
  failureTitle: 'The live DNS differs from the desired state',
  description:
    'Compares the live records of every name in the desired state (dns.yaml or a zone file) with it, like `launch-ready dns diff`: record sets created, modified or deleted since it was written (TTL-only changes are low). Mail records and hosts that stopped resolving are reported by dns.mail-records-changed and dns.subdomain-broken instead. A difference that would make applying the desired state dangerous (over 30 % of a zone of ten or more records, or the apex NS) is high.',
  impact: 'Someone changed the DNS outside the reviewed process (or the desired state is stale): the next change made from the file may undo it, or the change itself may be a mistake.',
  remediation: 'Review each difference with `launch-ready dns diff`: fix the live record if the change was a mistake, or take it into the desired state with `launch-ready dns snapshot`.',
  reference: 'https://developer.hashicorp.com/terraform/tutorials/state/resource-drift',
  requires: ['dnsState'],
  run({ dnsState }) {
    const plan = planChanges(dnsState);
    const broken = brokenHosts(dnsState);
    const drafts: FindingDraft[] = plan.changes
      .filter((c) => !isMailChange(c) && !isBrokenHostChange(c, broken))
      .map((c) => ({ target: c.name, evidence: `${describeChange(c)} (desired: ${dnsState.desiredSource})`, ...(c.kind === 'ttl' ? { severity: 'low' as const, title: 'A record\'s TTL differs from the desired state' } : {}) }));
    const danger = dangerReasons(dnsState, plan);
    if (danger.length > 0) {
      drafts.push({
        target: dnsState.zone,
        severity: 'high',
        title: 'Applying the desired state would be a dangerous DNS change',
        evidence: danger.join('\n'),
        remediation: 'Check the desired-state file is the right one and current (a stale or truncated dns.yaml deletes live records); change the apex NS only at the registrar, deliberately.',
      });
    }
    return drafts;
  },
});

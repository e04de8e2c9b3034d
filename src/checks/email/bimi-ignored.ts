import { defineCheck } from '../../core/check.js';
import { bimiErrors } from '../../email/bimi.js';
import { discoveredDmarc } from '../../email/dmarc/discovered.js';
import { effectivePolicy, parseDmarcRecord } from '../../email/dmarc/record.js';

export default defineCheck({
  id: 'email.bimi-ignored',
  severity: 'low',
  stage: 1,
  title: 'The BIMI logo record can take effect',
  failureTitle: 'The BIMI logo record is ignored by mailbox providers',
  description: 'When default._bimi.DOMAIN publishes a BIMI record, checks that it is valid (v=BIMI1, an https logo URL) and that DMARC is at p=quarantine or p=reject with no pct below 100: mailbox providers show the logo only then.',
  impact: 'The brand logo you set up never appears next to your mail.',
  remediation: 'Enforce DMARC (p=quarantine or p=reject, pct=100) and correct the BIMI record as the evidence says.',
  reference: 'https://bimigroup.org/implementation-guide/',
  requires: ['email'],
  run({ email }) {
    const record = email.bimi.records.find((r) => /^v=BIMI1\b/i.test(r));
    if (!record) return [];
    const problems = bimiErrors(record);
    const found = discoveredDmarc(email.dmarc);
    const dmarc = found?.records.length === 1 ? parseDmarcRecord(found.records[0]) : undefined;
    const policy = dmarc ? effectivePolicy(dmarc) : undefined;
    if (policy !== 'quarantine' && policy !== 'reject') problems.push(`DMARC policy is ${policy ?? 'missing'}; BIMI needs quarantine or reject`);
    else if (dmarc && dmarc.pct < 100) problems.push(`DMARC pct=${dmarc.pct}; BIMI needs the policy applied to all mail`);
    return problems.length === 0 ? [] : [{ target: email.domain, evidence: `${email.bimi.name}: "${record}"\n${problems.map((p) => `  ${p}`).join('\n')}` }];
  },
});

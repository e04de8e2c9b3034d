import { defineCheck } from '../../core/check.js';
import { bimiErrors } from '../../email/bimi.js';
import { discoveredDmarc } from '../../email/dmarc/discovered.js';
import { effectivePolicy, parseDmarcRecord } from '../../email/dmarc/record.js';
import { enforcedDmarc } from '../../email/dmarc/repair.js';
import { publishText, type DnsRecordLine } from '../../email/record-line.js';
import { parseTagList, tagValue } from '../../email/tag-list.js';

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
    const fixes: DnsRecordLine[] = [];
    if (problems.length > 0) {
      const tags = parseTagList(record);
      // The same URL over https when it was plain http (the file must then be served there).
      const https = (v: string | undefined) => (v && /^https?:\/\/\S+$/i.test(v) ? v.replace(/^http:/i, 'https:') : undefined);
      const authority = https(tagValue(tags, 'a'));
      fixes.push({ name: email.bimi.name, type: 'TXT', value: `v=BIMI1; l=${https(tagValue(tags, 'l')) ?? `https://${email.domain}/bimi-logo.svg`}${authority ? `; a=${authority}` : ''}` });
    }
    const found = discoveredDmarc(email.dmarc);
    const dmarc = found?.records.length === 1 ? parseDmarcRecord(found.records[0]) : undefined;
    const policy = dmarc ? effectivePolicy(dmarc) : undefined;
    const weak = policy !== 'quarantine' && policy !== 'reject';
    if (weak) problems.push(`DMARC policy is ${policy ?? 'missing'}; BIMI needs quarantine or reject`);
    else if (dmarc && dmarc.pct < 100) problems.push(`DMARC pct=${dmarc.pct}; BIMI needs the policy applied to all mail`);
    if (weak || (dmarc && dmarc.pct < 100)) {
      fixes.push(found ? { name: found.lookup.name, type: 'TXT', value: enforcedDmarc(found.records[0], found.policyDomain) } : { name: `_dmarc.${email.dmarc.orgDomain}`, type: 'TXT', value: `v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@${email.dmarc.orgDomain}` });
    }
    if (problems.length === 0) return [];
    return [
      {
        target: email.domain,
        evidence: `${email.bimi.name}: "${record}"\n${problems.map((p) => `  ${p}`).join('\n')}`,
        remediation: publishText(`Publish ${fixes.length === 1 ? 'this record' : 'these records'} (the logo: a square SVG Tiny PS file served over HTTPS; DMARC enforced once your reports show your services pass)`, fixes),
      },
    ];
  },
});

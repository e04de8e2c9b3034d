import { defineCheck, type FindingDraft } from '../../core/check.js';

export default defineCheck({
  id: 'dns.missing-record',
  severity: 'high',
  stage: 1,
  title: 'Every declared host has a DNS record',
  failureTitle: 'A declared host has no DNS record',
  description:
    'Looks up each host the config declares (A, AAAA and CNAME). A name that does not exist (NXDOMAIN) or exists without any address ' +
    'or alias (NODATA) cannot be reached by anyone. Lookup errors such as timeouts are not counted here: they prove nothing about the records.',
  impact: 'Every visitor, link and API client that uses this name gets "site can\'t be reached", so the traffic you pay for is lost.',
  remediation:
    'Add an A/AAAA record (or a CNAME to your host or CDN) for the name at your DNS provider, or remove the host from launch-ready.yaml ' +
    'if it is not meant to exist; then check it with `dig +short NAME`.',
  reference: 'https://www.cloudflare.com/learning/dns/dns-records/',
  requires: ['hosts'],
  run({ plan, hosts }) {
    const drafts: FindingDraft[] = [];
    for (const planned of plan.hosts.filter((h) => h.declared)) {
      const dns = hosts.find((h) => h.host === planned.name)?.dns;
      if (!dns || dns.cnames.length > 0 || (dns.status !== 'nxdomain' && dns.status !== 'nodata')) continue;
      const answer = dns.status === 'nxdomain' ? 'NXDOMAIN (the name does not exist)' : 'NODATA (the name exists but has no A, AAAA or CNAME record)';
      drafts.push({ target: planned.name, evidence: `${planned.name}: ${answer}${dns.error ? ` — ${dns.error.message}` : ''}` });
    }
    return drafts;
  },
});

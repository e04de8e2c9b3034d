import { defineCheck } from '../../core/check.js';
import { brokenHosts } from '../../dnsdiff/classify.js';

export default defineCheck({
  id: 'dns.subdomain-broken',
  severity: 'high',
  stage: 1,
  title: 'Every host of the desired state still resolves',
  failureTitle: 'A host of the desired state no longer resolves',
  description:
    'For each name the desired state gives an A, AAAA or CNAME record (app., api., admin. …), checks that the live DNS still answers with an address, or with a CNAME whose target resolves. A record deleted by mistake, or a CNAME left pointing at a removed service, takes that part of the product down.',
  impact: 'Every customer, app and integration using this host gets "site can\'t be reached": the product is down for them.',
  remediation: 'Recreate the record from the desired state (the evidence shows it), or point the CNAME at a target that exists; `launch-ready dns diff` prints the full plan.',
  reference: 'https://www.cloudflare.com/learning/dns/dns-records/',
  requires: ['dnsState'],
  run({ dnsState }) {
    return brokenHosts(dnsState).map((b) => ({ target: b.name, evidence: `${b.name}: desired ${b.desired} (${dnsState.desiredSource}); live: ${b.live}` }));
  },
});

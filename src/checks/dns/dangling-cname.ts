import { defineCheck, type FindingDraft } from '../../core/check.js';

export default defineCheck({
  id: 'dns.dangling-cname',
  severity: 'high',
  stage: 1,
  title: 'Every CNAME points at a name that resolves',
  failureTitle: 'A CNAME points at a name that does not resolve',
  description:
    'Follows each host\'s CNAME chain. When the chain ends on a name with no address (deleted app, removed bucket, cancelled SaaS ' +
    'account), the host is broken, and whoever registers that target name at the provider can serve content on your subdomain.',
  impact:
    'The subdomain is down for customers, and it is open to subdomain takeover: an attacker who claims the target can serve phishing ' +
    'pages or steal cookies under your domain.',
  remediation:
    'Delete the CNAME record if the service is gone, or recreate the resource it points at (app, bucket, site) under your account ' +
    'before anyone else claims it.',
  reference:
    'https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/02-Configuration_and_Deployment_Management_Testing/10-Test_for_Subdomain_Takeover',
  requires: ['hosts'],
  run({ hosts }) {
    const drafts: FindingDraft[] = [];
    for (const { host, dns } of hosts) {
      if (dns.cnames.length === 0 || dns.a.length > 0 || dns.aaaa.length > 0) continue;
      const chain = [host, ...dns.cnames].join(' -> CNAME ');
      const why = dns.error ? `${dns.status}: ${dns.error.message}` : dns.status;
      drafts.push({ target: host, evidence: `${chain} -> no address (${why})` });
    }
    return drafts;
  },
});

import { defineCheck, type FindingDraft } from '../../core/check.js';
import { exposedProbes, hostOf, secretList, secretsAt } from '../../secrets/exposure.js';

export default defineCheck({
  id: 'exposure.git',
  severity: 'high',
  stage: 3,
  title: 'The .git folder is not served',
  failureTitle: 'The site serves its .git folder: the whole source history can be downloaded',
  description:
    'Requests /.git/config and /.git/HEAD on every audited host; a 200 whose body is a git config (a [core] section) or a HEAD reference, ' +
    'and not the site\'s catch-all page, means the repository folder was deployed with the site.',
  impact:
    'Tools rebuild the whole repository from a served .git folder: every file and every secret ever committed, including those removed since.',
  remediation:
    'Deploy build output only (never the repository folder), deny /.git/ at the web server or CDN, and treat every secret in the history ' +
    'as leaked: run `launch-ready secrets --history` and rotate what it lists.',
  reference: 'https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/02-Configuration_and_Deployment_Management_Testing/04-Review_Old_Backup_and_Unreferenced_Files_for_Sensitive_Information',
  requires: ['frontendSecrets'],
  run({ frontendSecrets }) {
    const byHost = new Map<string, string[]>();
    const secrets = new Map<string, ReturnType<typeof secretsAt>>();
    for (const probe of exposedProbes(frontendSecrets, 'git')) {
      const host = hostOf(probe.url);
      byHost.set(host, [...(byHost.get(host) ?? []), `${probe.url} answers ${probe.status} with ${probe.evidence}`]);
      secrets.set(host, [...(secrets.get(host) ?? []), ...secretsAt(frontendSecrets, probe.url)]);
    }
    return [...byHost].map(([host, seen]): FindingDraft => {
      const found = secrets.get(host) ?? [];
      return {
        target: host,
        severity: found.length > 0 ? 'critical' : 'high',
        evidence: `${seen.join('; ')}${found.length > 0 ? `; credentials in it: ${secretList(found)}` : ''}`,
      };
    });
  },
});

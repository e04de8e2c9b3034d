import { defineCheck, type FindingDraft } from '../../core/check.js';
import { exposedProbes, secretList, secretsAt } from '../../secrets/exposure.js';
import { rotationOf } from '../../secrets/rotation.js';

export default defineCheck({
  id: 'exposure.env-file',
  severity: 'high',
  stage: 3,
  title: 'No .env file is served',
  failureTitle: 'The site serves its .env file',
  description:
    'Requests /.env, /.env.local and /.env.production on every audited host. A 200 counts only when the body is a list of NAME=value ' +
    'lines and differs from what a random path returns (a catch-all page is a soft 404, not an exposure). Critical when it holds secrets.',
  impact: 'Every credential the app runs with is one request away for anyone, and scanners request /.env on every site they find.',
  remediation:
    'Remove the file from the deployed folder (build output only), deny dotfiles at the web server or CDN, and rotate every secret the ' +
    'file held: assume they are all known.',
  reference: 'https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/02-Configuration_and_Deployment_Management_Testing/04-Review_Old_Backup_and_Unreferenced_Files_for_Sensitive_Information',
  requires: ['frontendSecrets'],
  run({ frontendSecrets }) {
    const drafts: FindingDraft[] = [];
    for (const probe of exposedProbes(frontendSecrets, 'env-file')) {
      const secrets = secretsAt(frontendSecrets, probe.url);
      const providers = [...new Set(secrets.map((m) => m.provider))];
      drafts.push({
        target: probe.url,
        severity: secrets.length > 0 ? 'critical' : 'high',
        evidence: `${probe.url} answers ${probe.status} with ${probe.evidence}${secrets.length > 0 ? `; secrets in it: ${secretList(secrets)}` : ''}`,
        ...(providers.length > 0
          ? { remediation: `Block dotfiles at the server or CDN and remove the file from the deployment, then rotate every secret it held: ${providers.map((p) => rotationOf(p).where).join('; ')}.` }
          : {}),
      });
    }
    return drafts;
  },
});

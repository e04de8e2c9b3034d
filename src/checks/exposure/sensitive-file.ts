import { defineCheck, type FindingDraft } from '../../core/check.js';
import type { Severity } from '../../core/finding.js';
import { exposedProbes, secretList, secretsAt } from '../../secrets/exposure.js';

/** Finder metadata only lists file names; archives, npm and editor deploy configs carry code or credentials. */
const SEVERITY_OF: Record<string, Severity> = { '/.DS_Store': 'medium' };

export default defineCheck({
  id: 'exposure.sensitive-file',
  severity: 'high',
  stage: 3,
  title: 'No backup, editor or package-manager file is served',
  failureTitle: 'The site serves a file that should never be public',
  description:
    'Requests /backup.zip, /.npmrc, /.vscode/sftp.json and /.DS_Store on every audited host and recognises each by its content (zip ' +
    'header, npm settings, an SFTP config with a host, Finder\'s Bud1 header), so a catch-all page is never mistaken for one.',
  impact:
    'A backup holds the code and its config, .npmrc an npm publish token, sftp.json the server\'s password, .DS_Store the names of files ' +
    'to try next.',
  remediation:
    'Remove the file from the deployed folder, deny dotfiles and archives at the web server or CDN, and rotate any credential the file held.',
  reference: 'https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/02-Configuration_and_Deployment_Management_Testing/04-Review_Old_Backup_and_Unreferenced_Files_for_Sensitive_Information',
  requires: ['frontendSecrets'],
  run({ frontendSecrets }) {
    return exposedProbes(frontendSecrets, 'sensitive-file').map((probe): FindingDraft => {
      const secrets = secretsAt(frontendSecrets, probe.url);
      return {
        target: probe.url,
        severity: secrets.length > 0 ? 'critical' : (SEVERITY_OF[probe.path] ?? 'high'),
        evidence: `${probe.url} answers ${probe.status} with ${probe.evidence}${secrets.length > 0 ? `; credentials in it: ${secretList(secrets)}` : ''}`,
      };
    });
  },
});

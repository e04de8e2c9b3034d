import { cases } from '../../../helpers/check-cases.js';
import { collected } from '../../../helpers/artifacts.js';
import { frontendScan, leak, secretMatch } from '../../../fixtures/secrets/artifacts.js';

export default cases({
  pass: [{ name: 'nothing served', artifacts: collected({ frontendSecrets: frontendScan({ leakPaths: [leak('https://www.acme.test/backup.zip', 'sensitive-file', { verdict: 'soft-404' })] }) }) }],
  fail: [
    {
      name: 'a backup archive and Finder metadata',
      artifacts: collected({
        frontendSecrets: frontendScan({
          leakPaths: [
            leak('https://www.acme.test/backup.zip', 'sensitive-file', { evidence: 'a zip archive' }),
            leak('https://www.acme.test/.DS_Store', 'sensitive-file', { evidence: 'Finder metadata listing the folder’s file names' }),
          ],
        }),
      }),
      expect: [
        { target: 'https://www.acme.test/backup.zip', severity: 'high', evidence: 'a zip archive' },
        { target: 'https://www.acme.test/.DS_Store', severity: 'medium' },
      ],
    },
    {
      name: 'an .npmrc with a publish token',
      artifacts: collected({
        frontendSecrets: frontendScan({
          leakPaths: [leak('https://www.acme.test/.npmrc', 'sensitive-file', { evidence: 'npm configuration with registry credentials' })],
          matches: [secretMatch({ source: 'leak-path', location: 'https://www.acme.test/.npmrc', ruleId: 'npm.token', provider: 'npm', title: 'npm access token', redacted: 'npm_… [40 chars, sha256:66666666]' })],
        }),
      }),
      expect: [{ target: 'https://www.acme.test/.npmrc', severity: 'critical', evidence: 'npm access token npm_…' }],
    },
  ],
});

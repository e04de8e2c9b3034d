import { cases } from '../../../helpers/check-cases.js';
import { collected } from '../../../helpers/artifacts.js';
import { frontendScan, leak, secretMatch } from '../../../fixtures/secrets/artifacts.js';

export default cases({
  pass: [{ name: 'not served', artifacts: collected({ frontendSecrets: frontendScan({ leakPaths: [leak('https://www.acme.test/.git/config', 'git', { verdict: 'absent', status: 403 })] }) }) }],
  fail: [
    {
      name: 'config and HEAD served: one finding for the host',
      artifacts: collected({
        frontendSecrets: frontendScan({
          leakPaths: [
            leak('https://www.acme.test/.git/config', 'git', { evidence: 'git config with a [core] section; remote github.com/acme/shop.git' }),
            leak('https://www.acme.test/.git/HEAD', 'git', { evidence: 'HEAD points at refs/heads/main' }),
          ],
        }),
      }),
      expect: [{ target: 'www.acme.test', severity: 'high', evidence: 'HEAD points at refs/heads/main' }],
    },
    {
      name: 'a token in the remote URL makes it critical',
      artifacts: collected({
        frontendSecrets: frontendScan({
          leakPaths: [leak('https://shop.acme.test/.git/config', 'git', { evidence: 'git config with a [core] section; remote github.com/acme/shop.git (with credentials in the URL)' })],
          matches: [secretMatch({ source: 'leak-path', location: 'https://shop.acme.test/.git/config', ruleId: 'github.token', provider: 'github', title: 'GitHub personal access token', redacted: 'ghp_… [40 chars, sha256:44444444]' })],
        }),
      }),
      expect: [{ target: 'shop.acme.test', severity: 'critical', evidence: 'GitHub personal access token ghp_…' }],
    },
  ],
});

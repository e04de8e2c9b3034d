import { cases } from '../../../helpers/check-cases.js';
import { collected } from '../../../helpers/artifacts.js';
import { frontendScan, secretMatch } from '../../../fixtures/secrets/artifacts.js';

const map = 'https://www.acme.test/assets/app.3f9a1c2b.js.map';
const dbUrl = secretMatch({ ruleId: 'database.postgres-url', provider: 'database', title: 'PostgreSQL URL with a password', source: 'sourcemap', location: map, originalSource: 'src/server/db.ts', line: 3, column: 64, redacted: '… [24 chars, sha256:5d5d5d5d]', note: 'in postgres://shop_admin:****@db.acme.test' });

export default cases({
  pass: [
    { name: 'maps without secrets', artifacts: collected({ frontendSecrets: frontendScan() }) },
    { name: 'public keys in a map are not leaks', artifacts: collected({ frontendSecrets: frontendScan({ matches: [{ ...dbUrl, kind: 'public' }] }) }) },
  ],
  fail: [
    {
      name: 'a database URL in the original server file',
      artifacts: collected({ frontendSecrets: frontendScan({ matches: [dbUrl] }) }),
      expect: [{ target: map, severity: 'critical', evidence: 'src/server/db.ts:3:64 (sourcesContent of https://www.acme.test/assets/app.3f9a1c2b.js.map); in postgres://shop_admin:****@db.acme.test' }],
    },
  ],
});

import { cases } from '../../../helpers/check-cases.js';
import { collected } from '../../../helpers/artifacts.js';
import { repoScan, secretMatch } from '../../../fixtures/secrets/artifacts.js';

export default cases({
  pass: [{ name: 'a clean working tree', artifacts: collected({ repoSecrets: repoScan() }) }],
  fail: [
    {
      name: 'a key in the code, with the commit that added it',
      artifacts: collected({ repoSecrets: repoScan([secretMatch({ introduced: { sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', author: 'Dev <dev@acme.test>', date: '2026-03-01T10:00:00+00:00' } })]) }),
      expect: [{ target: 'src/lib/ai.ts:5:37', severity: 'high', evidence: 'committed in a1b2c3d4e5 by Dev <dev@acme.test> on 2026-03-01' }],
    },
    {
      name: 'a key the provider refuses is less urgent; a public key is info',
      artifacts: collected({
        repoSecrets: repoScan([
          secretMatch({ verified: 'rejected', line: 9 }),
          secretMatch({ ruleId: 'supabase.anon-key', provider: 'supabase', title: 'Supabase anon key', kind: 'public', location: '.env', line: 2, column: 31 }),
        ]),
      }),
      expect: [
        { target: 'src/lib/ai.ts:9:37', severity: 'medium', evidence: 'rejected' },
        { target: '.env:2:31', severity: 'info' },
      ],
    },
  ],
});

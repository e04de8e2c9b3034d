import { cases } from '../../../helpers/check-cases.js';
import { collected } from '../../../helpers/artifacts.js';
import { historyScan, repoScan, secretMatch } from '../../../fixtures/secrets/artifacts.js';

const commit = { sha: '0f1e2d3c4b5a69788796a5b4c3d2e1f001234567', author: 'Founder <founder@acme.test>', date: '2026-02-14T09:30:00+01:00' };
const removed = secretMatch({ source: 'history', location: 'src/lib/ai.ts', introduced: commit, inHead: false });

export default cases({
  pass: [
    { name: 'a history without secrets', artifacts: collected({ historySecrets: historyScan(), repoSecrets: repoScan() }) },
    {
      name: 'a secret still in the working tree is reported by secret.in-repo only',
      artifacts: collected({ historySecrets: historyScan([{ ...removed, inHead: true }]), repoSecrets: repoScan([secretMatch()]) }),
    },
  ],
  fail: [
    {
      name: 'a key committed and later removed',
      artifacts: collected({ historySecrets: historyScan([removed]), repoSecrets: repoScan() }),
      expect: [{ target: 'src/lib/ai.ts:5:37', severity: 'high', evidence: 'committed in 0f1e2d3c4b by Founder <founder@acme.test> on 2026-02-14; no longer in HEAD' }],
    },
  ],
});

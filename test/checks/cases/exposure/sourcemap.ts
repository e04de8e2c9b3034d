import { cases } from '../../../helpers/check-cases.js';
import { collected } from '../../../helpers/artifacts.js';
import { document, frontendScan, secretMatch } from '../../../fixtures/secrets/artifacts.js';

const map = 'https://www.acme.test/assets/app.js.map';

export default cases({
  pass: [
    {
      name: 'a referenced map that is not served',
      artifacts: collected({ frontendSecrets: frontendScan({ documents: [document('https://www.acme.test/assets/app.js', 'script'), document(map, 'sourcemap', { status: 404, via: 'comment' })] }) }),
    },
  ],
  fail: [
    {
      name: 'a public map',
      artifacts: collected({ frontendSecrets: frontendScan({ documents: [document(map, 'sourcemap', { via: 'comment', sources: 12, sourcesWithContent: 12 })] }) }),
      expect: [{ target: 'www.acme.test', severity: 'medium', evidence: '1 source map served: https://www.acme.test/assets/app.js.map (12 original files in full)' }],
    },
    {
      name: 'a public map with a secret in it',
      artifacts: collected({
        frontendSecrets: frontendScan({
          documents: [document(map, 'sourcemap', { via: 'guess', sources: 3, sourcesWithContent: 3 })],
          matches: [secretMatch({ source: 'sourcemap', location: map, originalSource: 'src/db.ts' })],
        }),
      }),
      expect: [{ target: 'www.acme.test', severity: 'high', evidence: '1 of them hold secrets' }],
    },
  ],
});

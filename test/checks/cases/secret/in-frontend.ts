import { cases } from '../../../helpers/check-cases.js';
import { collected } from '../../../helpers/artifacts.js';
import { frontendScan, secretMatch } from '../../../fixtures/secrets/artifacts.js';

const bundle = 'https://www.acme.test/assets/app.3f9a1c2b.js';
const inBundle = (over: Parameters<typeof secretMatch>[0]) => secretMatch({ source: 'frontend', location: bundle, line: 1, column: 2034, ...over });

export default cases({
  pass: [
    { name: 'nothing found in the frontend', artifacts: collected({ frontendSecrets: frontendScan() }) },
    {
      name: 'a source-map hit is secret.in-sourcemap, not this check',
      artifacts: collected({ frontendSecrets: frontendScan({ matches: [secretMatch({ source: 'sourcemap', location: `${bundle}.map`, originalSource: 'src/db.ts' })] }) }),
    },
  ],
  fail: [
    {
      name: 'a model-provider key in the bundle',
      artifacts: collected({ frontendSecrets: frontendScan({ matches: [inBundle({})] }) }),
      expect: [{ target: `${bundle}:1:2034`, severity: 'critical', evidence: /sk-proj-… \[164 chars, sha256:3f9a1c2b\] at https:\/\/www\.acme\.test\/assets\/app\.3f9a1c2b\.js:1:2034.*fingerprint lr1-/ }],
    },
    {
      name: 'a publishable key is info, a verified live secret critical',
      artifacts: collected({
        frontendSecrets: frontendScan({
          matches: [
            inBundle({ ruleId: 'stripe.publishable-key', provider: 'stripe', title: 'Stripe live publishable key', kind: 'public', publicReason: 'publishable keys are meant for the browser', redacted: 'pk_live_… [107 chars, sha256:11111111]', column: 10 }),
            inBundle({ ruleId: 'stripe.secret-key', provider: 'stripe', title: 'Stripe live secret key', redacted: 'sk_live_… [107 chars, sha256:22222222]', verified: 'live', column: 99 }),
          ],
        }),
      }),
      expect: [
        { target: `${bundle}:1:10`, severity: 'info', evidence: 'pk_live_' },
        { target: `${bundle}:1:99`, severity: 'critical', evidence: 'verified live' },
      ],
    },
  ],
});

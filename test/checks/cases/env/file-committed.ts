import { cases } from '../../../helpers/check-cases.js';
import { collected } from '../../../helpers/artifacts.js';
import { envDef, envSource, envVar, inventory } from '../../../fixtures/secrets/artifacts.js';

export default cases({
  pass: [
    {
      name: 'the example is tracked, the real file ignored',
      artifacts: collected({ envInventory: inventory({ sources: [envSource('.env.example', { kind: 'example', environments: [], tracked: true }), envSource('.env', { tracked: false })] }) }),
    },
    { name: 'outside git nothing is known to be tracked', artifacts: collected({ envInventory: inventory({ git: false, sources: [envSource('.env')] }) }) },
  ],
  fail: [
    {
      name: 'a tracked .env with a secret',
      artifacts: collected({
        envInventory: inventory({
          sources: [envSource('.env', { tracked: true, variables: 2 })],
          variables: [
            envVar('NODE_ENV', { definitions: [envDef()] }),
            envVar('STRIPE_SECRET_KEY', { definitions: [envDef({ line: 2, secretLike: 'Stripe live secret key', redacted: 'sk_live_… [107 chars, sha256:22222222]' })] }),
          ],
        }),
      }),
      expect: [{ target: '.env', severity: 'high', evidence: 'defines 2 variables (NODE_ENV, STRIPE_SECRET_KEY); secret-looking values: STRIPE_SECRET_KEY (Stripe live secret key sk_live_…' }],
    },
    {
      name: 'a tracked .env.development with defaults only',
      artifacts: collected({ envInventory: inventory({ sources: [envSource('.env.development', { tracked: true })], variables: [envVar('API_URL', { definitions: [envDef({ file: '.env.development' })] })] }) }),
      expect: [{ target: '.env.development', severity: 'low', evidence: 'none looks like a secret' }],
    },
  ],
});

import { cases } from '../../../helpers/check-cases.js';
import { collected } from '../../../helpers/artifacts.js';
import { envDef, envVar, inventory } from '../../../fixtures/secrets/artifacts.js';

const stripe = { secretLike: 'Stripe live secret key', redacted: 'sk_live_… [107 chars, sha256:22222222]' };

export default cases({
  pass: [
    {
      name: 'different values per environment; a shared public URL is fine',
      artifacts: collected({
        envInventory: inventory({
          variables: [
            envVar('STRIPE_SECRET_KEY', {
              definitions: [
                envDef({ file: '.env.staging', environment: 'staging', valueHash: '111111111111', ...stripe }),
                envDef({ file: '.env.production', environment: 'production', valueHash: '222222222222', ...stripe }),
              ],
            }),
            envVar('API_URL', { definitions: [envDef({ file: '.env.staging', environment: 'staging', valueHash: '333333333333' }), envDef({ file: '.env.production', environment: 'production', valueHash: '333333333333' })] }),
          ],
        }),
      }),
    },
  ],
  fail: [
    {
      name: 'the same Stripe key in staging and production',
      artifacts: collected({
        envInventory: inventory({
          variables: [
            envVar('STRIPE_SECRET_KEY', {
              definitions: [
                envDef({ file: '.env.staging', line: 2, environment: 'staging', valueHash: '222222222222', ...stripe }),
                envDef({ file: '.env.production', line: 5, environment: 'production', valueHash: '222222222222', ...stripe }),
              ],
            }),
          ],
        }),
      }),
      expect: [{ target: '.env.production:5', severity: 'high', evidence: 'the same secret value (sk_live_… [107 chars, sha256:22222222]) is set for staging/preview (STRIPE_SECRET_KEY in .env.staging:2) and production (STRIPE_SECRET_KEY in .env.production:5)' }],
    },
  ],
});

import { cases } from '../../../helpers/check-cases.js';
import { collected } from '../../../helpers/artifacts.js';
import { frontendScan, leak, secretMatch } from '../../../fixtures/secrets/artifacts.js';

const env = 'https://www.acme.test/.env';

export default cases({
  pass: [
    {
      name: 'absent, or the catch-all page',
      artifacts: collected({ frontendSecrets: frontendScan({ leakPaths: [leak(env, 'env-file', { verdict: 'soft-404' }), leak('https://www.acme.test/.env.local', 'env-file', { verdict: 'absent', status: 404 })] }) }),
    },
  ],
  fail: [
    {
      name: 'served with secrets in it',
      artifacts: collected({
        frontendSecrets: frontendScan({
          leakPaths: [leak(env, 'env-file', { evidence: '3 variables: DATABASE_URL, STRIPE_SECRET_KEY, NODE_ENV' })],
          matches: [secretMatch({ source: 'leak-path', location: env, ruleId: 'stripe.secret-key', provider: 'stripe', title: 'Stripe live secret key', redacted: 'sk_live_… [107 chars, sha256:22222222]', line: 2, column: 19 })],
        }),
      }),
      expect: [{ target: env, severity: 'critical', evidence: 'answers 200 with 3 variables: DATABASE_URL, STRIPE_SECRET_KEY, NODE_ENV; secrets in it: Stripe live secret key sk_live_…' }],
    },
    {
      name: 'served without recognisable secrets',
      artifacts: collected({ frontendSecrets: frontendScan({ leakPaths: [leak('https://staging.acme.test/.env.production', 'env-file', { evidence: '1 variable: NODE_ENV' })] }) }),
      expect: [{ target: 'https://staging.acme.test/.env.production', severity: 'high' }],
    },
  ],
});

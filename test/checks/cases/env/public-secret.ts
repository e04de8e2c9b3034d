import { cases } from '../../../helpers/check-cases.js';
import { collected } from '../../../helpers/artifacts.js';
import { envDef, envVar, inventory } from '../../../fixtures/secrets/artifacts.js';

export default cases({
  pass: [
    {
      name: 'public keys behind public prefixes, secrets without',
      artifacts: collected({
        envInventory: inventory({
          variables: [
            envVar('NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY', { publicPrefix: 'NEXT_PUBLIC_', definitions: [envDef()] }),
            envVar('NEXT_PUBLIC_SUPABASE_ANON_KEY', { publicPrefix: 'NEXT_PUBLIC_', definitions: [envDef()] }),
            envVar('VITE_FIREBASE_API_KEY', { publicPrefix: 'VITE_', definitions: [envDef()] }),
            envVar('OPENAI_API_KEY', { definitions: [envDef({ secretLike: 'OpenAI project API key', redacted: 'sk-proj-… [164 chars, sha256:3f9a1c2b]' })] }),
          ],
        }),
      }),
    },
  ],
  fail: [
    {
      name: 'an OpenAI key behind NEXT_PUBLIC_, with its value defined',
      artifacts: collected({
        envInventory: inventory({
          variables: [
            envVar('NEXT_PUBLIC_OPENAI_API_KEY', {
              publicPrefix: 'NEXT_PUBLIC_',
              definitions: [envDef({ file: '.env.local', line: 3, secretLike: 'OpenAI project API key', redacted: 'sk-proj-… [164 chars, sha256:3f9a1c2b]' })],
              reads: [{ file: 'app/chat.tsx', line: 12, column: 18, syntax: 'process.env' }],
              readCount: 1,
            }),
          ],
        }),
      }),
      expect: [{ target: '.env.local:3', severity: 'critical', evidence: 'NEXT_PUBLIC_OPENAI_API_KEY is inlined into the browser bundle by its NEXT_PUBLIC_ prefix; OPENAI issues only secret keys; .env.local:3 sets it to a OpenAI project API key sk-proj-…' }],
    },
    {
      name: 'a secret-named variable only read by the code',
      artifacts: collected({
        envInventory: inventory({ variables: [envVar('VITE_STRIPE_SECRET', { publicPrefix: 'VITE_', reads: [{ file: 'src/pay.ts', line: 4, column: 9, syntax: 'import.meta.env' }], readCount: 1 })] }),
      }),
      expect: [{ target: 'src/pay.ts:4:9', severity: 'high', evidence: 'the name contains SECRET' }],
    },
  ],
});

import { cases } from '../../../helpers/check-cases.js';
import { collected } from '../../../helpers/artifacts.js';
import { envDef, envVar, inventory } from '../../../fixtures/secrets/artifacts.js';

const readOnce = { reads: [{ file: 'src/a.ts', line: 1, column: 1, syntax: 'process.env' }], readCount: 1 };

export default cases({
  pass: [
    {
      name: 'everything defined is read; DATABASE_URL is read by the ORM',
      artifacts: collected({ envInventory: inventory({ variables: [envVar('OPENAI_API_KEY', { ...readOnce, definitions: [envDef()] }), envVar('DATABASE_URL', { definitions: [envDef()] })] }) }),
    },
    { name: 'no code reads found at all: nothing to compare with', artifacts: collected({ envInventory: inventory({ filesScanned: 0, variables: [envVar('OLD_KEY', { definitions: [envDef()] })] }) }) },
  ],
  fail: [
    {
      name: 'a key left in the example and .env',
      artifacts: collected({
        envInventory: inventory({
          variables: [
            envVar('OPENAI_API_KEY', { ...readOnce, definitions: [envDef()] }),
            envVar('MAILCHIMP_API_KEY', { definitions: [envDef({ file: '.env.example', line: 4, kind: 'example', environment: 'example' }), envDef({ line: 6 })] }),
          ],
        }),
      }),
      expect: [{ target: '.env.example:4', severity: 'low', evidence: 'MAILCHIMP_API_KEY is defined in .env.example:4, .env:6 but no scanned code reads it' }],
    },
  ],
});

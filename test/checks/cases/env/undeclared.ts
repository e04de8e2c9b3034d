import { cases } from '../../../helpers/check-cases.js';
import { collected } from '../../../helpers/artifacts.js';
import { envDef, envSource, envVar, inventory } from '../../../fixtures/secrets/artifacts.js';

const read = (file: string, line: number) => ({ reads: [{ file, line, column: 5, syntax: 'process.env' }], readCount: 1 });

export default cases({
  pass: [
    {
      name: 'declared in the example; NODE_ENV needs no declaration',
      artifacts: collected({
        envInventory: inventory({
          sources: [envSource('.env.example', { kind: 'example', environments: [] })],
          variables: [envVar('OPENAI_API_KEY', { ...read('src/ai.ts', 3), definitions: [envDef({ file: '.env.example', kind: 'example', environment: 'example', empty: true })] }), envVar('NODE_ENV', read('src/log.ts', 1))],
        }),
      }),
    },
  ],
  fail: [
    {
      name: 'read but missing from the example',
      artifacts: collected({
        envInventory: inventory({
          sources: [envSource('.env.example', { kind: 'example', environments: [] })],
          variables: [envVar('RESEND_API_KEY', { ...read('src/mail.ts', 7), definitions: [envDef({ environment: 'production', file: '.env.production' })] })],
        }),
      }),
      expect: [{ target: 'src/mail.ts:7:5', severity: 'low', evidence: 'RESEND_API_KEY is read 1 time (first at src/mail.ts:7 via process.env) but .env.example does not declare it' }],
    },
    {
      name: 'without an example, defined nowhere',
      artifacts: collected({ envInventory: inventory({ variables: [envVar('SLACK_WEBHOOK_URL', read('src/alert.ts', 2))] }) }),
      expect: [{ target: 'src/alert.ts:2:5', evidence: 'no .env or platform file defines it' }],
    },
  ],
});

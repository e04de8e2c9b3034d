import { defineCheck, type FindingDraft } from '../../core/check.js';
import { isSetByPlatform } from '../../envinv/implicit.js';

export default defineCheck({
  id: 'env.undeclared',
  severity: 'low',
  stage: 3,
  title: 'Every variable the code reads is declared',
  failureTitle: 'The code reads a variable that is declared nowhere',
  description:
    'Compares the variables the code reads (process.env, import.meta.env, Deno.env, os.environ, ENV[…], Prisma env(), compose ${…}) with ' +
    '.env.example when there is one, otherwise with every .env and platform file. Variables the runtime or platform sets (NODE_ENV, PORT, ' +
    'VERCEL_*, GITHUB_*…) are not counted.',
  impact: 'Whoever deploys next does not know the variable exists; the feature that reads it fails in production with an undefined value.',
  remediation: 'Add the variable to .env.example (with an empty or dummy value and a comment saying where the real value comes from).',
  reference: 'https://12factor.net/config',
  requires: ['envInventory'],
  run({ envInventory }) {
    const hasExample = envInventory.sources.some((s) => s.kind === 'example');
    const drafts: FindingDraft[] = [];
    for (const v of envInventory.variables) {
      if (v.readCount === 0 || isSetByPlatform(v.name)) continue;
      const declared = hasExample ? v.definitions.some((d) => d.environment === 'example') : v.definitions.length > 0;
      if (declared) continue;
      const read = v.reads[0];
      drafts.push({
        target: `${read.file}:${read.line}:${read.column}`,
        title: `${v.name} is read by the code but declared nowhere`,
        evidence: `${v.name} is read ${v.readCount} time${v.readCount === 1 ? '' : 's'} (first at ${read.file}:${read.line} via ${read.syntax}) but ${hasExample ? '.env.example does not declare it' : 'no .env or platform file defines it'}`,
      });
    }
    return drafts;
  },
});

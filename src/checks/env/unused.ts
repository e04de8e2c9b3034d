import { defineCheck, type FindingDraft } from '../../core/check.js';
import { isReadByTools } from '../../envinv/implicit.js';

export default defineCheck({
  id: 'env.unused',
  severity: 'low',
  stage: 3,
  title: 'Every declared variable is read',
  failureTitle: 'A variable is declared but the code never reads it',
  description:
    'Lists variables defined in .env.example or .env files that no scanned code file reads. Only runs its comparison when code reads were ' +
    'found at all, and skips variables that frameworks and tools read by themselves (DATABASE_URL, NEXTAUTH_SECRET, SENTRY_*…).',
  impact: 'Dead configuration hides what the app really needs and keeps old credentials alive in every environment that still sets them.',
  remediation: 'Remove the variable from the example and .env files and from the platform settings, and revoke the credential if it is one.',
  reference: 'https://12factor.net/config',
  requires: ['envInventory'],
  run({ envInventory }) {
    if (!envInventory.variables.some((v) => v.readCount > 0)) return [];
    const drafts: FindingDraft[] = [];
    for (const v of envInventory.variables) {
      if (v.readCount > 0 || isReadByTools(v.name)) continue;
      const defs = v.definitions.filter((d) => d.kind === 'dotenv' || d.kind === 'example');
      if (defs.length === 0) continue;
      drafts.push({
        target: `${defs[0].file}:${defs[0].line}`,
        title: `${v.name} is declared but the code never reads it`,
        evidence: `${v.name} is defined in ${[...new Set(defs.map((d) => `${d.file}:${d.line}`))].join(', ')} but no scanned code reads it (${envInventory.filesScanned} code files searched)`,
      });
    }
    return drafts;
  },
});

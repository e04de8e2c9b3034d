import { defineCheck, type FindingDraft } from '../../core/check.js';
import { secretLookingName } from '../../envinv/public-prefix.js';
import type { EnvDefinition } from '../../envinv/types.js';

export default defineCheck({
  id: 'env.shared-across-environments',
  severity: 'high',
  stage: 3,
  title: 'Staging and production use different secrets',
  failureTitle: 'Staging (or preview) and production share the same secret',
  description:
    'Compares the hashes of secret values (values that match a secret rule or sit under a secret-sounding name) defined for staging or ' +
    'preview with those defined for production, across .env files and platform files; a file that sets one value for both (vercel.json ' +
    '`env`, netlify `[build.environment]`) counts too. Values are compared by hash, never read out.',
  impact:
    'A preview deploy of any branch, or anyone with staging access, holds production credentials: a test run can charge real cards, ' +
    'email real customers or delete production data.',
  remediation:
    'Issue separate credentials for staging and preview (test-mode payment keys, a separate database and model-provider project), set them ' +
    'per environment in the platform, and rotate the production one.',
  reference: 'https://12factor.net/config',
  requires: ['envInventory'],
  run({ envInventory }) {
    const byValue = new Map<string, Array<{ name: string; d: EnvDefinition }>>();
    for (const v of envInventory.variables) {
      for (const d of v.definitions) {
        if (!d.valueHash || (!d.secretLike && !secretLookingName(v.name))) continue;
        if (d.environment !== 'staging' && d.environment !== 'production') continue;
        byValue.set(d.valueHash, [...(byValue.get(d.valueHash) ?? []), { name: v.name, d }]);
      }
    }
    const drafts: FindingDraft[] = [];
    for (const [valueHash, defs] of byValue) {
      const staging = defs.filter(({ d }) => d.environment === 'staging');
      const production = defs.filter(({ d }) => d.environment === 'production');
      if (staging.length === 0 || production.length === 0) continue;
      const at = (list: typeof defs) => [...new Set(list.map(({ name, d }) => `${name} in ${d.file}:${d.line}`))].join(', ');
      const shown = defs.find(({ d }) => d.redacted)?.d.redacted ?? `sha256 ${valueHash}`;
      drafts.push({
        target: `${production[0].d.file}:${production[0].d.line}`,
        title: `${[...new Set(defs.map(({ name }) => name))].join(', ')}: staging and production share the same secret`,
        evidence: `the same secret value (${shown}) is set for staging/preview (${at(staging)}) and production (${at(production)})`,
      });
    }
    return drafts;
  },
});

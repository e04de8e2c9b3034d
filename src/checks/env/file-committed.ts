import { defineCheck, type FindingDraft } from '../../core/check.js';

const MAX_NAMES = 8;

export default defineCheck({
  id: 'env.file-committed',
  severity: 'high',
  stage: 3,
  title: 'No real .env file is tracked by git',
  failureTitle: 'A real .env file is committed to the repository',
  description:
    'Lists the .env files git tracks (`.env`, `.env.local`, `.env.production`…; example, sample and template files are meant to be ' +
    'committed and are not counted). High when one holds a secret-looking value, low when it only holds non-secret defaults.',
  impact: 'Every clone, fork and CI log carries the values, and the file is in the history for good even after it is deleted.',
  remediation:
    'Run `git rm --cached <file>`, add `.env*` (with `!.env.example`) to .gitignore, commit a `.env.example` with empty values, and rotate ' +
    'every secret the file held: it stays in the history.',
  reference: 'https://12factor.net/config',
  requires: ['envInventory'],
  run({ envInventory }) {
    const drafts: FindingDraft[] = [];
    for (const source of envInventory.sources) {
      if (source.kind !== 'dotenv' || source.tracked !== true) continue;
      const defs = envInventory.variables.flatMap((v) => v.definitions.filter((d) => d.file === source.file).map((d) => ({ name: v.name, d })));
      const secrets = defs.filter(({ d }) => d.secretLike);
      const names = defs.map(({ name }) => name);
      drafts.push({
        target: source.file,
        title: `${source.file} is committed to the repository`,
        severity: secrets.length > 0 ? 'high' : 'low',
        evidence:
          `${source.file} is tracked by git and defines ${names.length} variable${names.length === 1 ? '' : 's'} (${names.slice(0, MAX_NAMES).join(', ')}${names.length > MAX_NAMES ? ', …' : ''})` +
          (secrets.length > 0 ? `; secret-looking values: ${secrets.map(({ name, d }) => `${name} (${d.secretLike} ${d.redacted ?? ''})`.replace(' )', ')')).join(', ')}` : '; none looks like a secret'),
      });
    }
    return drafts;
  },
});

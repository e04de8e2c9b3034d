import { defineCheck, type FindingDraft } from '../../core/check.js';
import { secretLookingName } from '../../envinv/public-prefix.js';

export default defineCheck({
  id: 'env.public-secret',
  severity: 'high',
  stage: 3,
  title: 'No secret is put in a browser-exposed variable',
  failureTitle: 'A secret is put in a variable the build ships to the browser',
  description:
    'Looks at every variable with a prefix the build inlines into the client bundle (NEXT_PUBLIC_, VITE_, REACT_APP_, PUBLIC_, ' +
    'EXPO_PUBLIC_, NUXT_PUBLIC_, GATSBY_) whose name reads as a secret (SECRET, PASSWORD, PRIVATE, a model-provider or database key) or ' +
    'whose value, in any .env or platform file, matches a secret rule. Critical when a secret value is defined.',
  impact:
    'The build copies the value into the JavaScript every visitor downloads: a model-provider key there is found and drained within hours.',
  remediation:
    'Rename the variable without the public prefix, read it only in server code (an API route or server action that calls the provider), ' +
    'and rotate the key if a build with the prefix was ever deployed.',
  reference: 'https://nextjs.org/docs/app/building-your-application/configuring/environment-variables#bundling-environment-variables-for-the-browser',
  requires: ['envInventory'],
  run({ envInventory }) {
    const drafts: FindingDraft[] = [];
    for (const v of envInventory.variables) {
      if (!v.publicPrefix) continue;
      const secretDefs = v.definitions.filter((d) => d.secretLike);
      const nameReason = secretLookingName(v.name);
      if (secretDefs.length === 0 && !nameReason) continue;
      const first = secretDefs[0] ?? v.definitions[0];
      const target = first ? `${first.file}:${first.line}` : v.reads[0] ? `${v.reads[0].file}:${v.reads[0].line}:${v.reads[0].column}` : envInventory.root;
      const why = [
        `${v.name} is inlined into the browser bundle by its ${v.publicPrefix} prefix`,
        ...(nameReason ? [nameReason] : []),
        ...secretDefs.map((d) => `${d.file}:${d.line} sets it to a ${d.secretLike} ${d.redacted ?? ''}`.trim()),
        ...(v.reads[0] ? [`read at ${v.reads[0].file}:${v.reads[0].line}`] : []),
      ];
      drafts.push({ target, title: `${v.name} puts a secret in the browser bundle`, severity: secretDefs.length > 0 ? 'critical' : 'high', evidence: why.join('; ') });
    }
    return drafts;
  },
});

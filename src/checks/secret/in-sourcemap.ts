import { defineCheck, type FindingDraft } from '../../core/check.js';
import { bySecret, matchEvidence, secretRemediation, severityFor, targetOf } from '../../secrets/evidence.js';

export default defineCheck({
  id: 'secret.in-sourcemap',
  severity: 'critical',
  stage: 3,
  title: 'Public source maps carry no secret',
  failureTitle: 'A secret sits in the original source shipped inside a public source map',
  description:
    'Reads every source map the site serves (named by a sourceMappingURL comment or a SourceMap header, found at <script>.map, or inlined ' +
    'as a data: URL) and scans the original files in its sourcesContent under their own names, with line and column in the original file.',
  impact:
    'A source map hands out the original code, server files included when the bundler pulled them in: database URLs and API keys in it ' +
    'are as public as the site.',
  remediation:
    'Rotate the secret, stop publishing source maps (upload them to your error tracker instead, e.g. Next.js productionBrowserSourceMaps: ' +
    'false, Vite build.sourcemap: "hidden"), and keep server-only code out of client bundles.',
  reference: 'https://tc39.es/ecma426/',
  requires: ['frontendSecrets'],
  run({ frontendSecrets }) {
    const drafts: FindingDraft[] = [];
    for (const { first: m, elsewhere } of bySecret(frontendSecrets.matches.filter((x) => x.source === 'sourcemap' && x.kind === 'secret'))) {
      drafts.push({
        target: targetOf(m),
        severity: severityFor(m, 'critical'),
        title: `${m.title} in the original source ${m.originalSource ?? ''} published by a source map`.replace(/\s+/g, ' '),
        evidence: matchEvidence(m, elsewhere),
        remediation: secretRemediation(m, 'stop serving source maps publicly and keep server-only modules out of the client bundle.'),
      });
    }
    return drafts;
  },
});

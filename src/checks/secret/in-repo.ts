import { defineCheck, type FindingDraft } from '../../core/check.js';
import { matchEvidence, publicKeyDraft, secretRemediation, severityFor, targetOf } from '../../secrets/evidence.js';

export default defineCheck({
  id: 'secret.in-repo',
  severity: 'high',
  stage: 3,
  title: 'No secret is written in the repository',
  failureTitle: 'A secret is written in the repository',
  description:
    'Scans the working tree the way git sees it (tracked files plus untracked ones not ignored by .gitignore), skipping binaries and ' +
    'vendored folders, with provider rules (a keyword prefilter, anchored patterns, entropy and context filters that drop placeholders, ' +
    'test keys, documentation examples, hashes and UUIDs). Inline `launch-ready:allow`, `.launch-ready-ignore` and `--baseline` suppress.',
  impact:
    'Everyone with read access to the code, every fork, CI log and laptop backup holds the key; one leaked clone is a leaked key.',
  remediation:
    'Rotate the secret (it is in the git history too), load it from the environment or a secret manager, and add the file holding it to ' +
    '.gitignore.',
  reference: 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html',
  requires: ['repoSecrets'],
  run({ repoSecrets }) {
    const drafts: FindingDraft[] = [];
    for (const m of repoSecrets.matches) {
      if (m.kind === 'public') {
        drafts.push(publicKeyDraft(m, 'in the repository'));
        continue;
      }
      drafts.push({
        target: targetOf(m),
        severity: severityFor(m, 'high'),
        title: `${m.title} written in ${m.location}`,
        evidence: matchEvidence(m),
        remediation: secretRemediation(m, 'read it from an environment variable and keep the value in the platform\'s secret settings.'),
      });
    }
    return drafts;
  },
});

import { defineCheck, type FindingDraft } from '../../core/check.js';
import { matchEvidence, rotationNote, severityFor } from '../../secrets/evidence.js';

export default defineCheck({
  id: 'secret.in-history',
  severity: 'high',
  stage: 3,
  title: 'The git history holds no secret beyond what the working tree shows',
  failureTitle: 'A secret removed from the code is still in the git history',
  description:
    'Scans every blob reachable from any ref (`git log --all --raw` and `git cat-file --batch`, streamed), once each, and reports every ' +
    'secret that the working tree no longer holds, with the commit, author and date that introduced it and whether HEAD still has it.',
  impact:
    'Deleting a key in a later commit hides it from the code, not from the history: every clone, fork and CI cache can still read it, ' +
    'and scrapers search public histories for exactly this.',
  remediation:
    'Rotate it: removing it from HEAD is not enough. Revoke it with the provider first; only then, if you want, rewrite the history ' +
    '(git filter-repo) and force-push.',
  reference: 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/removing-sensitive-data-from-a-repository',
  requires: ['historySecrets', 'repoSecrets'],
  run({ historySecrets, repoSecrets }) {
    const inTree = new Set(repoSecrets.matches.map((m) => `${m.ruleId}\0${m.valueHash}`));
    const drafts: FindingDraft[] = [];
    for (const m of historySecrets.matches) {
      if (m.kind !== 'secret' || inTree.has(`${m.ruleId}\0${m.valueHash}`)) continue;
      drafts.push({
        target: `${m.location}:${m.line}:${m.column}`,
        severity: severityFor(m, 'high'),
        title: `${m.title} ${m.inHead ? 'is in the git history (and HEAD, outside the scanned folder)' : 'was removed from the code but is still in the git history'}`,
        evidence: matchEvidence(m),
        remediation: rotationNote(m),
      });
    }
    return drafts;
  },
});

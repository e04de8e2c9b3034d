import { defineCheck, type FindingDraft } from '../../core/check.js';
import { bySecret, matchEvidence, publicKeyDraft, secretRemediation, severityFor, targetOf } from '../../secrets/evidence.js';

export default defineCheck({
  id: 'secret.in-frontend',
  severity: 'critical',
  stage: 3,
  title: 'No secret key is shipped to the browser',
  failureTitle: 'A secret key is shipped to every visitor in the frontend',
  description:
    'Scans what the deployed site serves: HTML pages (inline scripts included), same-site scripts, stylesheets, web manifests and runtime ' +
    'config files such as /config.json and /env.js, with the provider rules of the secrets stage. Secret kinds are critical; keys that are ' +
    'public by design (Stripe publishable, Firebase web config, Supabase anon, Algolia search-only) are listed as info.',
  impact:
    'Anyone who opens the site can copy the key from the page source: model-provider keys are drained within hours (bill shock), payment ' +
    'and database keys expose customers and money.',
  remediation:
    'Rotate the key, then call the provider from a server route that holds it; never put a secret in a variable the build exposes to the browser ' +
    '(NEXT_PUBLIC_, VITE_, REACT_APP_, PUBLIC_, EXPO_PUBLIC_, NUXT_PUBLIC_).',
  reference: 'https://owasp.org/Top10/A02_2021-Cryptographic_Failures/',
  requires: ['frontendSecrets'],
  run({ frontendSecrets }) {
    const drafts: FindingDraft[] = [];
    // The same bundle is usually served by every host: one key, one finding naming the other places.
    for (const { first: m, elsewhere } of bySecret(frontendSecrets.matches.filter((x) => x.source === 'frontend'))) {
      if (m.kind === 'public') {
        drafts.push(publicKeyDraft(m, 'in the frontend', elsewhere));
        continue;
      }
      drafts.push({
        target: targetOf(m),
        severity: severityFor(m, 'critical'),
        title: `${m.title} shipped to every visitor`,
        evidence: matchEvidence(m, elsewhere),
        remediation: secretRemediation(m, 'move the call behind a server route that holds the key, and keep the key out of any browser-exposed variable.'),
      });
    }
    return drafts;
  },
});

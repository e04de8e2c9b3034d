import { defineCheck } from '../../core/check.js';
import { correctedSpf, spfFixText } from '../../email/advice.js';
import { LOOKUP_LIMIT } from '../../email/spf/check-host.js';
import { lookupTree, nodesOf, totalLookups } from '../../email/spf/walk.js';

/** Longer trees are cut in the evidence; the count above them is the whole tree's. */
const TREE_LINES = 15;

export default defineCheck({
  id: 'email.spf-too-many-lookups',
  severity: 'high',
  stage: 1,
  title: 'SPF evaluation needs at most 10 DNS lookups',
  failureTitle: 'SPF needs more than 10 DNS lookups: receivers stop and return permerror',
  description:
    'Counts the DNS-querying terms (include, a, mx, ptr, exists, redirect) through every include and redirect, as RFC 7208 §4.6.4 does. Past 10, receivers abort with permerror, typically after a few providers\' includes were added one by one.',
  impact: 'Mail from the providers evaluated after the 10th lookup fails SPF, so it depends on DKIM alone and is often rejected or sent to spam.',
  remediation:
    'Remove includes of services you no longer use, or replace the most expensive includes by the addresses they authorise today ("flattening"; re-check monthly, providers change addresses).',
  reference: 'https://www.rfc-editor.org/rfc/rfc7208#section-4.6.4',
  requires: ['email'],
  run({ email }) {
    const total = totalLookups(email.spf);
    if (total <= LOOKUP_LIMIT) return [];
    const truncated = nodesOf(email.spf).some((n) => n.status === 'not-followed');
    const tree = lookupTree(email.spf);
    const shown = tree.length > TREE_LINES ? [...tree.slice(0, TREE_LINES), `  … ${tree.length - TREE_LINES} more includes`] : tree;
    const fix = correctedSpf(email.spf);
    // The tree was cut (a hostile or looping one): what it would take is unknown, so no record is offered.
    const remediation = fix && !truncated ? spfFixText(fix) : `The tree is too deep to flatten safely: remove includes of services you no longer send with, starting with the deepest branch above, then re-run \`launch-ready email ${email.domain}\`.`;
    return [
      {
        target: email.domain,
        evidence: `${truncated ? 'at least ' : ''}${total} DNS lookups (the limit is ${LOOKUP_LIMIT}):\n${shown.join('\n')}`,
        remediation,
      },
    ];
  },
});

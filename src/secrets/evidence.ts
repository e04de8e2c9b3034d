/** How a secret match reads in a finding: target, evidence line and fix, shared by the secret.* and exposure.* checks. */
import type { Severity } from '../core/finding.js';
import { rotationSteps } from './rotation.js';
import type { SecretMatch } from './types.js';

/** `src/app.ts:12:5`, `https://www.acme.test/assets/app.js:1:2034`, or the map's URL for a source-map hit. */
export function targetOf(m: SecretMatch): string {
  return m.source === 'sourcemap' ? m.location : `${m.location}:${m.line}:${m.column}`;
}

function where(m: SecretMatch): string {
  if (m.source === 'sourcemap') return `${m.originalSource ?? 'an original source'}:${m.line}:${m.column} (sourcesContent of ${m.location})`;
  return `${m.location}:${m.line}:${m.column}`;
}

export function shortSha(sha: string): string {
  return sha.slice(0, 10);
}

/** One secret value and every place it was found: a bundle served by five hosts is one key to rotate, not five. */
export interface SameSecret {
  first: SecretMatch;
  /** Targets of the other places, in the order found. */
  elsewhere: string[];
}

/** Groups matches of the same rule and value, keeping the first place found as the finding's target. */
export function bySecret(matches: Iterable<SecretMatch>): SameSecret[] {
  const groups = new Map<string, SameSecret>();
  for (const m of matches) {
    const key = `${m.ruleId}\0${m.valueHash}`;
    const group = groups.get(key);
    if (group) group.elsewhere.push(targetOf(m));
    else groups.set(key, { first: m, elsewhere: [] });
  }
  return [...groups.values()];
}

/** How many other places to name before summarising: enough to find them, short enough to read. */
const ELSEWHERE_SHOWN = 3;

/** `OpenAI project API key (openai.project-key) sk-proj-… [164 chars, sha256:3f9a1c2b] at src/ai.ts:5:37; …; fingerprint lr1-…` */
export function matchEvidence(m: SecretMatch, elsewhere: readonly string[] = []): string {
  const parts = [`${m.title} (${m.ruleId}) ${m.redacted} at ${where(m)}`];
  if (m.alsoAt?.length) parts.push(`also on line${m.alsoAt.length > 1 ? 's' : ''} ${m.alsoAt.join(', ')}`);
  if (elsewhere.length) {
    const more = elsewhere.length - ELSEWHERE_SHOWN;
    parts.push(`the same value at ${elsewhere.slice(0, ELSEWHERE_SHOWN).join(', ')}${more > 0 ? ` and ${more} more` : ''}`);
  }
  if (m.note) parts.push(m.note);
  if (m.introduced) parts.push(`committed in ${shortSha(m.introduced.sha)} by ${m.introduced.author} on ${m.introduced.date.slice(0, 10)}`);
  if (m.inHead !== undefined) parts.push(m.inHead ? 'still in HEAD' : 'no longer in HEAD');
  if (m.verified) parts.push(m.verified === 'live' ? 'verified live with the provider' : m.verified === 'rejected' ? 'the provider rejected it (already revoked?)' : 'liveness unknown');
  parts.push(`fingerprint ${m.fingerprint}`);
  return parts.join('; ');
}

/** A live key is worse than a suspected one; one the provider already refuses is less urgent. */
export function severityFor(m: SecretMatch, base: Severity): Severity {
  if (m.verified === 'live') return 'critical';
  if (m.verified === 'rejected') return 'medium';
  return base;
}

/** The fix for a committed or shipped secret: rotate first (with the provider's procedure), then move it. */
export function secretRemediation(m: SecretMatch, move: string): string {
  return `${rotationSteps(m.provider)} Then ${move}`;
}

/** Info finding for a key that is public by design. */
export function publicKeyDraft(m: SecretMatch, place: string, elsewhere: readonly string[] = []) {
  return {
    target: targetOf(m),
    severity: 'info' as const,
    title: `${m.title} ${place} — public by design, not a leak`,
    evidence: matchEvidence(m, elsewhere),
    impact: `None by itself: ${m.publicReason ?? 'this kind of key is meant to be public'}.`,
    remediation: 'Nothing to rotate. Make sure it is the publishable kind and that the rules it relies on (row-level security, referrer restrictions, key scopes) are in place.',
  };
}

/** The history finding's fix: rotation is the fix; rewriting history is optional and comes after. */
export function rotationNote(m: SecretMatch): string {
  return `Removing it from HEAD is not enough. ${rotationSteps(m.provider)} Only after that, optionally rewrite the history (git filter-repo) and force-push.`;
}

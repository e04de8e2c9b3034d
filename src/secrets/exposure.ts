/** Shared reading of leak-path probes for the exposure.* checks. */
import type { FrontendSecretScan, LeakCategory, LeakProbe } from './artifact.js';
import type { SecretMatch } from './types.js';

export function exposedProbes(scan: FrontendSecretScan, category: LeakCategory): LeakProbe[] {
  return scan.leakPaths.filter((p) => p.category === category && p.verdict === 'exposed');
}

/** Secret-kind matches found inside a served document. */
export function secretsAt(scan: FrontendSecretScan, url: string): SecretMatch[] {
  return scan.matches.filter((m) => m.location === url && m.kind === 'secret');
}

/** `STRIPE_SECRET_KEY: Stripe live secret key sk_live_… [107 chars, sha256:…]`, a few of them. */
export function secretList(matches: SecretMatch[], max = 5): string {
  const shown = matches.slice(0, max).map((m) => `${m.title} ${m.redacted} (line ${m.line})`);
  return `${shown.join(', ')}${matches.length > max ? `, and ${matches.length - max} more` : ''}`;
}

export function hostOf(url: string): string {
  return new URL(url).host;
}

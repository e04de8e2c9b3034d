/**
 * Post-launch risks: the open findings grouped by check, scored impact × likelihood on 1–5 scales.
 * Impact follows severity, one step higher when a revenue route (checkout, login, chat, webhook)
 * is hit. Likelihood says how sure it is to bite after launch: 5 is already happening to every
 * visitor, 1 needs a determined attacker.
 */
import type { Finding, Severity } from '../core/finding.js';

const IMPACT: Record<Severity, number> = { critical: 5, high: 4, medium: 3, low: 2, info: 1 };
const REVENUE = new Set(['checkout', 'login', 'chat', 'webhook']);

/** By check id, or by its prefix; what the score means in words. */
const LIKELIHOOD: ReadonlyArray<[RegExp, number, string]> = [
  [/^(route\.unreachable|tls\.(expired|untrusted|hostname-mismatch)|redirect\.(loop|downgrade)|dns\.(missing-record|stale-address)|deploy\.version-mismatch|env\.mixed|health\.missing|https\.not-enforced)$/, 5, 'already happening'],
  [/^(redirect\.(chain|temporary)|http\.uncompressed|cache\.static-uncached|latency\.|timeout\.)/, 5, 'on every visit'],
  [/^(tls\.expiring-soon|cache\.private-cached|env\.preview-exposed|email\.(spf|dmarc|dkim)-missing|email\.mx-)/, 4, 'a matter of days'],
  [/^(tracing\.missing|health\.shallow|deploy\.version-endpoint-missing)$/, 4, 'at the first incident'],
  [/^(dns\.dangling-cname|cors\.|edge\.|cookie\.|tls\.weak-key|email\.)/, 3, 'once someone looks for it'],
  [/^(headers\.|hsts\.|tls\.legacy-protocol)/, 2, 'needs an attacker in position'],
];

export interface Risk {
  id: string;
  title: string;
  impact: number;
  likelihood: number;
  /** What the likelihood means, e.g. "already happening". */
  when: string;
  score: number;
  targets: string[];
  remediation: string;
  /** The best rank among its findings in the audit report. */
  rank: number;
}

function likelihoodOf(id: string): [number, string] {
  const hit = LIKELIHOOD.find(([pattern]) => pattern.test(id));
  return hit ? [hit[1], hit[2]] : [3, 'plausible'];
}

export function rankRisks(findings: readonly Finding[]): Risk[] {
  const byId = new Map<string, Finding[]>();
  for (const f of findings) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
  const risks = [...byId.entries()].map(([id, group]): Risk => {
    const impact = Math.max(...group.map((f) => Math.min(5, IMPACT[f.severity] + (f.routeKind && REVENUE.has(f.routeKind) ? 1 : 0))));
    const [likelihood, when] = likelihoodOf(id);
    return {
      id,
      title: group[0].title,
      impact,
      likelihood,
      when,
      score: impact * likelihood,
      targets: [...new Set(group.map((f) => f.target))],
      remediation: group[0].remediation,
      rank: Math.min(...group.map((f) => f.rank ?? Number.MAX_SAFE_INTEGER)),
    };
  });
  return risks.sort((a, b) => b.score - a.score || a.rank - b.rank);
}

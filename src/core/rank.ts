import type { Finding, RouteKind, Severity } from './finding.js';
import type { AuditPlan } from './plan.js';

const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 1000, high: 100, medium: 10, low: 1, info: 0.1 };
const KIND_WEIGHT: Record<RouteKind, number> = { checkout: 3, login: 3, chat: 3, webhook: 3, api: 2, page: 1 };
const KIND_ORDER: RouteKind[] = ['checkout', 'login', 'chat', 'webhook', 'api', 'page'];

function hostOf(target: string): string {
  try {
    return new URL(target).hostname;
  } catch {
    return target.split('/')[0].split(':')[0];
  }
}

/** The most valuable kind of route a target touches: an exact route URL, else any route on its host. */
export function routeKindOf(target: string, plan: AuditPlan): RouteKind {
  const exact = plan.routes.find((r) => r.url === target);
  if (exact) return exact.kind;
  const host = hostOf(target);
  const kinds = plan.routes.filter((r) => hostOf(r.url) === host).map((r) => r.kind);
  return KIND_ORDER.find((k) => kinds.includes(k)) ?? 'page';
}

export function launchRisk(f: Finding, plan: AuditPlan): number {
  return SEVERITY_WEIGHT[f.severity] * KIND_WEIGHT[f.routeKind ?? routeKindOf(f.target, plan)];
}

/**
 * Ranks by launch risk: severity weighted by the business weight of the route hit, then by how
 * many targets share the same problem, then by id and target for a stable order.
 */
export function rankFindings(findings: Finding[], plan: AuditPlan): Finding[] {
  const spread = new Map<string, number>();
  for (const f of findings) spread.set(f.id, (spread.get(f.id) ?? 0) + 1);
  const withKind = findings.map((f) => ({ ...f, routeKind: f.routeKind ?? routeKindOf(f.target, plan) }));
  return withKind
    .map((f) => ({ f, risk: launchRisk(f, plan) }))
    .sort(
      (a, b) =>
        b.risk - a.risk ||
        (spread.get(b.f.id) ?? 0) - (spread.get(a.f.id) ?? 0) ||
        a.f.id.localeCompare(b.f.id) ||
        a.f.target.localeCompare(b.f.target),
    )
    .map(({ f }, i) => ({ ...f, rank: i + 1 }));
}

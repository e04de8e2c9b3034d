/** Which declared route a finding touches, for ranking by business weight. */
import { ROUTE_KINDS, type RouteKind } from '../core/finding.js';
import type { AuditPlan, RouteSpec } from '../core/plan.js';

/** The most valuable of several kinds (ROUTE_KINDS is ordered checkout first, page last). */
export function mostValuableKind(kinds: Array<RouteKind | undefined>): RouteKind | undefined {
  return ROUTE_KINDS.find((k) => kinds.includes(k));
}

/** The declared route whose URL this is, if any. */
export function routeAt(plan: AuditPlan, url: string): RouteSpec | undefined {
  return plan.routes.find((r) => r.url === url);
}

/** `{ routeKind }` to spread into a finding when the URL is a declared route, else nothing. */
export function routeKindAt(plan: AuditPlan, url: string): { routeKind?: RouteKind } {
  const route = routeAt(plan, url);
  return route ? { routeKind: route.kind } : {};
}

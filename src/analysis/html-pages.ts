/** The HTML pages people load, gathered from host and route artifacts for the page-header checks. */
import type { HostArtifact, HttpExchange, RouteArtifact } from '../core/artifacts.js';
import type { RouteKind } from '../core/finding.js';
import type { FindingDraft } from '../core/check.js';
import type { AuditPlan } from '../core/plan.js';
import { finalResponse, hostnameOf, isHtml, isSuccess } from './http-exchange.js';
import { mostValuableKind } from './route-kind.js';

export interface HtmlPage {
  url: string;
  host: string;
  exchange: HttpExchange;
  /** Set when the page is a declared route. */
  routeKind?: RouteKind;
}

const PAGE_KINDS: ReadonlySet<RouteKind> = new Set(['page', 'login', 'checkout']);

/** Successful HTML answers of every host's https root and of page, login and checkout routes, once per URL. */
export function htmlPages(plan: AuditPlan, hosts: HostArtifact[], routes: RouteArtifact[]): HtmlPage[] {
  const pages = new Map<string, HtmlPage>();
  const add = (ex: HttpExchange | undefined, routeKind?: RouteKind) => {
    if (!ex || !isSuccess(ex) || !isHtml(ex)) return;
    const known = pages.get(ex.url);
    if (known && (known.routeKind || !routeKind)) return;
    pages.set(ex.url, { url: ex.url, host: hostnameOf(ex.url), exchange: ex, ...(routeKind ? { routeKind } : {}) });
  };
  for (const r of routes) {
    const kind = plan.routes.find((s) => s.name === r.name)?.kind ?? 'page';
    if (PAGE_KINDS.has(kind)) add(finalResponse(r.chain), kind);
  }
  for (const h of hosts) add(finalResponse(h.https));
  return [...pages.values()];
}

/**
 * One finding per host listing each page `problem` describes (`https://x/login: no CSP header`),
 * ranked by the most valuable route among them.
 */
export function findingsPerHost(pages: HtmlPage[], problem: (page: HtmlPage) => string | undefined): FindingDraft[] {
  const byHost = new Map<string, Array<{ page: HtmlPage; why: string }>>();
  for (const page of pages) {
    const why = problem(page);
    if (why) byHost.set(page.host, [...(byHost.get(page.host) ?? []), { page, why }]);
  }
  return [...byHost].map(([host, hits]) => {
    const routeKind = mostValuableKind(hits.map((h) => h.page.routeKind));
    return { target: host, evidence: hits.map((h) => `${h.page.url}: ${h.why}`).join('; '), ...(routeKind ? { routeKind } : {}) };
  });
}

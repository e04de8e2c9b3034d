import { hostRole, reportedRole } from '../../analysis/environment-role.js';
import { finalResponse, headerValue, hostnameOf } from '../../analysis/http-exchange.js';
import { mostValuableKind } from '../../analysis/route-kind.js';
import type { HttpExchange } from '../../core/artifacts.js';
import { defineCheck, type FindingDraft } from '../../core/check.js';
import type { RouteKind } from '../../core/finding.js';
import type { AuditPlan } from '../../core/plan.js';

/** `x-environment: staging` when a recognise header on this response names a non-production environment. */
function nonProductionHeader(plan: AuditPlan, ex: HttpExchange): string | undefined {
  const names = new Set(plan.environments.flatMap((e) => (e.recognise?.header ? [e.recognise.header.toLowerCase()] : [])));
  for (const name of names) {
    const value = headerValue(ex, name);
    const role = value === undefined ? undefined : reportedRole(plan, value);
    if (role && role !== 'production') return `${name}: ${value}`;
  }
  return undefined;
}

export default defineCheck({
  id: 'env.mixed',
  severity: 'critical',
  stage: 1,
  title: 'Production hosts are served by production deployments',
  failureTitle: 'A production host is served by a staging or preview deployment',
  description:
    'For every host of a production environment, reads the environment each deployment reports about itself: the version endpoint\'s ' +
    'environment field on every address, and the recognise header (`environments.*.recognise.header`) on the host\'s root and on the ' +
    'routes it serves. A staging or preview value there means production traffic reaches non-production code and data.',
  impact:
    'Real customers place orders against test data, test payment keys or an unreviewed build, so payments, orders and chats are lost ' +
    'or leak into an environment nobody watches.',
  remediation:
    'Point the production DNS record, load balancer pool or platform domain alias back at the production deployment, then make the ' +
    'deploy pipeline assign production domains only to production builds.',
  reference: 'https://12factor.net/config',
  requires: ['hosts', 'versions', 'routes'],
  run({ plan, hosts, versions, routes }) {
    const drafts: FindingDraft[] = [];
    for (const host of hosts) {
      if (hostRole(plan, host.host, host.environment) !== 'production') continue;
      const seen: string[] = [];
      const kinds: RouteKind[] = [];
      for (const p of versions.filter((v) => v.host === host.host && v.reportedEnvironment)) {
        const role = reportedRole(plan, p.reportedEnvironment ?? '');
        if (role && role !== 'production') seen.push(`${p.url} @ ${p.address} reports environment "${p.reportedEnvironment}"`);
      }
      const root = finalResponse(host.https);
      const rootHeader = root && hostnameOf(root.url) === host.host ? nonProductionHeader(plan, root) : undefined;
      if (root && rootHeader) seen.push(`${root.url} answers with ${rootHeader}`);
      for (const r of routes) {
        const spec = plan.routes.find((s) => s.name === r.name);
        const final = finalResponse(r.chain);
        if (!spec || !final || hostnameOf(final.url) !== host.host || final.url === root?.url) continue;
        const header = nonProductionHeader(plan, final);
        if (header) {
          seen.push(`route "${spec.name}" ${final.url} answers with ${header}`);
          kinds.push(spec.kind);
        }
      }
      if (seen.length === 0) continue;
      const routeKind = mostValuableKind(kinds);
      drafts.push({ target: host.host, evidence: `production host ${host.host}: ${seen.join('; ')}`, ...(routeKind ? { routeKind } : {}) });
    }
    return drafts;
  },
});

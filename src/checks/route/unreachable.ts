import { certificateRefusals } from '../../analysis/certificate-refusal.js';
import { finalResponse, hostnameOf } from '../../analysis/http-exchange.js';
import { chainFailure, expectationFailures } from '../../analysis/route-expectation.js';
import { defineCheck, type FindingDraft } from '../../core/check.js';

export default defineCheck({
  id: 'route.unreachable',
  severity: 'high',
  stage: 1,
  title: 'Every declared route answers as expected',
  failureTitle: 'A declared route fails',
  description:
    'Requests each route from the config (method, headers, body; redirects followed) and compares the answer with its `expect`: ' +
    'the chain must end in a response (no DNS, connect, timeout or redirect-loop failure), the host certificate must be one a browser ' +
    'accepts, the status must be one of `expect.status` (any 2xx/3xx when none is given), the body must contain `expect.body`, and ' +
    'each `expect.json` path must exist or hold the given value.',
  impact: 'Customers who reach a broken route leave, and a broken checkout, login or chat route loses every sale that passes through it.',
  remediation:
    'Open the evidence URL yourself, fix the failing layer it names (DNS record, origin server, certificate, redirect rule or application ' +
    'error), and re-run the audit; if the route legitimately changed, update its `expect` in launch-ready.yaml.',
  reference: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Status',
  requires: ['routes', 'hosts'],
  run({ plan, routes, hosts }) {
    const drafts: FindingDraft[] = [];
    for (const spec of plan.routes) {
      const artifact = routes.find((r) => r.name === spec.name);
      if (!artifact) continue;
      const problems: string[] = [];
      const failure = chainFailure(artifact.chain);
      if (failure) problems.push(failure);
      const tls = spec.url.startsWith('https:') ? hosts.find((h) => h.host === hostnameOf(spec.url))?.tls : undefined;
      if (tls) problems.push(...certificateRefusals(tls, plan.now));
      const final = finalResponse(artifact.chain);
      if (!failure && final) problems.push(...expectationFailures(spec, artifact.chain, final));
      if (problems.length > 0) {
        drafts.push({ target: spec.url, evidence: `${spec.method} ${spec.url} (route "${spec.name}"): ${problems.join('; ')}`, routeKind: spec.kind });
      }
    }
    return drafts;
  },
});

import { isSuccess } from '../../analysis/http-exchange.js';
import { defineCheck } from '../../core/check.js';

export default defineCheck({
  id: 'health.missing',
  severity: 'medium',
  stage: 5,
  title: 'A health endpoint answers',
  failureTitle: 'No working health endpoint',
  description:
    'Requests the health endpoints from the config (`health.url`), or looks for one at common paths (/api/health, /health, /healthz…) ' +
    'on the API and canonical hosts. Fails when none is configured or found, and for each declared endpoint that errors or answers non-2xx ' +
    '(each service a monitor watches needs its own working endpoint).',
  impact: 'Uptime monitors and load balancers have nothing reliable to ask, so an outage is noticed by customers before it is noticed by you.',
  remediation:
    'Serve `GET /api/health` returning 200 and JSON with each dependency\'s state (e.g. `{"status":"ok","checks":{"db":{"status":"ok"},' +
    '"model":{"status":"ok"}}}`), declare it under `health:` in launch-ready.yaml, and point your uptime monitor at it.',
  reference: 'https://microservices.io/patterns/observability/health-check-api.html',
  requires: ['health'],
  run({ plan, health }) {
    if (health.length === 0) {
      return [{ target: plan.domain, evidence: 'no `health:` URL in the config, and no common health path (/api/health, /health, /healthz…) answered 2xx' }];
    }
    return health.filter((p) => !isSuccess(p.exchange)).map(({ url, exchange }) => ({
      target: url,
      evidence: `GET ${url} -> ${exchange.error ? `${exchange.error.code}: ${exchange.error.message}` : `status ${exchange.status}`}`,
    }));
  },
});

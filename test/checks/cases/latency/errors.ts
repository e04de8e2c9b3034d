import { collected } from '../../../helpers/artifacts.js';
import { cases } from '../../../helpers/check-cases.js';
import { targetRun } from '../../../latency/artifacts.js';

const ORDERS = 'https://api.acme.test/api/orders/1001';

export default cases({
  pass: [
    { name: 'no errors', artifacts: collected({ latency: [targetRun({ budget: ['errorRate < 1%'] })] }) },
    {
      name: 'errors within an explicit budget',
      artifacts: collected({ latency: [targetRun({ budget: ['errorRate < 5%'], errors: 2, errorRatePercent: 2, errorKinds: { '5xx': 2 }, statusCounts: { 200: 98, 503: 2 } })] }),
    },
    { name: 'under the default 1 % without a budget', artifacts: collected({ latency: [targetRun({ requests: 1000, errors: 5, errorRatePercent: 0.5, errorKinds: { timeout: 5 } })] }) },
  ],
  fail: [
    {
      name: 'over the errorRate budget, by kind and status',
      artifacts: collected({
        latency: [
          targetRun({ budget: ['errorRate < 1%'], errors: 6, errorRatePercent: 6, errorKinds: { '5xx': 4, timeout: 2 }, statusCounts: { 200: 94, 503: 4 }, errorSamples: ['HTTP 503'] }),
        ],
      }),
      expect: [{ target: ORDERS, severity: 'high', evidence: '6 of 100 requests failed (6 %, budget errorRate < 1%): 5xx 4, timeout 2; statuses 200×94 503×4; e.g. HTTP 503' }],
    },
    {
      name: 'over the default 1 % without a budget',
      artifacts: collected({ latency: [targetRun({ budget: ['p95 < 5s'], errors: 3, errorRatePercent: 3, errorKinds: { connect: 3 }, statusCounts: { 200: 97 } })] }),
      expect: [{ target: ORDERS, evidence: 'budget errorRate < 1% (default)): connect 3' }],
    },
  ],
});

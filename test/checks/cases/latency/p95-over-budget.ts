import { collected } from '../../../helpers/artifacts.js';
import { cases } from '../../../helpers/check-cases.js';
import { summary, targetRun } from '../../../latency/artifacts.js';

const ORDERS = 'https://api.acme.test/api/orders/1001';
const CHAT = 'https://api.acme.test/api/chat';

export default cases({
  pass: [
    { name: 'within every budget', artifacts: collected({ latency: [targetRun({ budget: ['p95 < 500ms', 'p99 < 1s'] })] }) },
    { name: 'no latency budget, only an error budget', artifacts: collected({ latency: [targetRun({ budget: ['errorRate < 1%'], total: summary({ p95: 9000 }) })] }) },
    { name: 'no budgeted target', artifacts: collected({ latency: [] }) },
  ],
  fail: [
    {
      name: 'order lookup p95 over 500 ms, with the Server-Timing breakdown',
      artifacts: collected({
        latency: [
          targetRun({
            budget: ['p95 < 500ms'],
            total: summary({ p50: 700, p95: 812.4, p99: 950, max: 990 }),
            serverTiming: [
              { name: 'db', count: 100, p50: 690, p95: 800 },
              { name: 'app', count: 100, p50: 700, p95: 810 },
            ],
          }),
        ],
      }),
      expect: [{ target: ORDERS, severity: 'medium', evidence: /p95 812\.4 ms over budget p95 < 500ms .*Server-Timing p95: db 800\.0 ms, app 810\.0 ms/ }],
    },
    {
      name: 'chat stalls: p95 and p99 over budget, high on a chat route',
      artifacts: collected({
        latency: [
          targetRun({ name: 'chat', url: CHAT, method: 'POST', kind: 'chat', budget: ['p95 < 2000ms', 'p99 < 5000ms', 'errorRate < 1%'], total: summary({ p95: 6100, p99: 6300, max: 6400 }) }),
          targetRun({ budget: ['p95 < 500ms'] }),
        ],
      }),
      expect: [{ target: CHAT, severity: 'high', evidence: /p95 6100 ms over budget p95 < 2000ms; p99 6300 ms over budget p99 < 5000ms/ }],
    },
    {
      name: 'every request failed: nothing to measure is over budget',
      artifacts: collected({ latency: [targetRun({ budget: ['p95 < 500ms'], total: summary({ count: 0 }), errors: 100, errorRatePercent: 100 })] }),
      expect: [{ target: ORDERS, evidence: 'p95 < 500ms: no successful response to measure' }],
    },
  ],
});

import { cases } from '../../../helpers/check-cases.js';
import { collected, failedExchange, healthProbe } from '../../../helpers/artifacts.js';

const HEALTH = 'https://api.acme.test/api/health';

export default cases({
  pass: [
    { name: 'the health endpoint answers 200', artifacts: collected({ health: [healthProbe(HEALTH)] }) },
    { name: 'two endpoints, both answering', artifacts: collected({ health: [healthProbe(HEALTH), healthProbe('https://www.acme.test/healthz')] }) },
  ],
  fail: [
    { name: 'no health endpoint configured or found', artifacts: collected(), expect: [{ target: 'acme.test', severity: 'medium', evidence: 'no `health:` URL in the config' }] },
    {
      name: 'one of two declared endpoints is 404',
      artifacts: collected({ health: [healthProbe(HEALTH), healthProbe('https://api.acme.test/api/chat/health', { status: 404 })] }),
      expect: [{ target: 'https://api.acme.test/api/chat/health', evidence: 'status 404' }],
    },
    { name: 'the endpoint answers 503', artifacts: collected({ health: [healthProbe(HEALTH, { status: 503 })] }), expect: [{ target: HEALTH, evidence: `GET ${HEALTH} -> status 503` }] },
    {
      name: 'the endpoint times out',
      artifacts: collected({ health: [{ url: HEALTH, exchange: failedExchange(HEALTH, 'headers-timeout', 'no response headers within 5000 ms') }] }),
      expect: [{ target: HEALTH, evidence: 'headers-timeout: no response headers within 5000 ms' }],
    },
  ],
});

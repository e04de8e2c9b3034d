import { cases } from '../../../helpers/check-cases.js';
import { collected, corsProbe, plan, route } from '../../../helpers/artifacts.js';

const CHAT = 'https://api.acme.test/api/chat';
const ORIGIN = 'https://launch-ready-probe.example';
const withChat = plan({ routes: [route({ name: 'chat', url: CHAT, method: 'POST', kind: 'chat' })] });

export default cases({
  pass: [
    { name: 'the foreign origin is not allowed', artifacts: collected({ plan: withChat, cors: [corsProbe(CHAT, { vary: 'Origin' })] }) },
    { name: 'only the shop\'s own origin, with credentials', artifacts: collected({ plan: withChat, cors: [corsProbe(CHAT, { 'access-control-allow-origin': 'https://www.acme.test', 'access-control-allow-credentials': 'true' })] }) },
    { name: 'a public API: * without credentials', artifacts: collected({ cors: [corsProbe('https://api.acme.test/api/products', { 'access-control-allow-origin': '*' })] }) },
    { name: 'the origin echoed without credentials', artifacts: collected({ cors: [corsProbe('https://api.acme.test/api/products', { 'access-control-allow-origin': ORIGIN })] }) },
  ],
  fail: [
    {
      name: 'the chat API echoes any origin with credentials',
      artifacts: collected({ plan: withChat, cors: [corsProbe(CHAT, { 'access-control-allow-origin': ORIGIN, 'access-control-allow-credentials': 'true' })] }),
      expect: [{ target: CHAT, severity: 'high', evidence: `Access-Control-Allow-Origin: ${ORIGIN}, Access-Control-Allow-Credentials: true (the foreign origin is echoed back)` }],
    },
    {
      name: 'the null origin is trusted with credentials',
      artifacts: collected({ cors: [corsProbe('https://api.acme.test/', { 'access-control-allow-origin': 'null', 'access-control-allow-credentials': 'TRUE' })] }),
      expect: [{ target: 'https://api.acme.test/', severity: 'high', evidence: 'sandboxed iframes' }],
    },
    {
      name: '* with credentials',
      artifacts: collected({ cors: [corsProbe('https://api.acme.test/api/orders/1001', { 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true' })] }),
      expect: [{ target: 'https://api.acme.test/api/orders/1001', severity: 'medium', evidence: 'browsers reject * with credentials' }],
    },
  ],
});

import { cases } from '../../../helpers/check-cases.js';
import { collected, exchange, failedExchange, plan, route, routeRun } from '../../../helpers/artifacts.js';

const CHAT = 'https://api.acme.test/api/chat';
const ORDER = 'https://api.acme.test/api/orders/1001';
const world = plan({
  routes: [
    route({ name: 'chat', url: CHAT, method: 'POST', kind: 'chat' }),
    route({ name: 'order', url: ORDER, kind: 'api' }),
    route({ name: 'home', url: 'https://www.acme.test/' }),
  ],
});
const answer = (url: string, headers: Record<string, string> = {}) => exchange({ url, headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
const home = routeRun('home', exchange({ url: 'https://www.acme.test/' }));

export default cases({
  pass: [
    {
      name: 'a request id on chat, Server-Timing on the API; pages need none',
      artifacts: collected({ plan: world, routes: [routeRun('chat', answer(CHAT, { 'x-request-id': 'req_8f2c' })), routeRun('order', answer(ORDER, { 'server-timing': 'db;dur=12' })), home] }),
    },
    {
      name: 'W3C traceparent counts',
      artifacts: collected({ plan: world, routes: [routeRun('chat', answer(CHAT, { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' })), routeRun('order', answer(ORDER, { 'x-amzn-trace-id': 'Root=1-67891233-abcdef' })), home] }),
    },
    {
      name: 'a route that never answered is left to route.unreachable',
      artifacts: collected({ plan: world, routes: [routeRun('chat', failedExchange(CHAT, 'connect-refused', 'ECONNREFUSED')), routeRun('order', answer(ORDER, { 'x-correlation-id': 'c-1' })), home] }),
    },
  ],
  fail: [
    {
      name: 'chat and API answers carry no id',
      artifacts: collected({ plan: world, routes: [routeRun('chat', answer(CHAT)), routeRun('order', answer(ORDER, { 'x-trace-id': 'abc' })), home] }),
      expect: [{ target: CHAT, severity: 'low', evidence: 'POST https://api.acme.test/api/chat (chat route "chat") -> 200 with none of server-timing, traceparent' }],
    },
  ],
});

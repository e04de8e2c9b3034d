import { cases } from '../../../helpers/check-cases.js';
import { chain, collected, exchange, host, plan, redirect, route, routeRun } from '../../../helpers/artifacts.js';

const CHAT = 'https://api.acme.test/api/chat';
const ORDER = 'https://api.acme.test/api/orders/1001';
const routes = [route({ name: 'chat', url: CHAT, method: 'POST', kind: 'chat' }), route({ name: 'order', url: ORDER, kind: 'api' }), route({ name: 'home', url: 'https://www.acme.test/' })];
const json = (url: string, headers: Record<string, string>) => exchange({ url, headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
const world = (chatHeaders: Record<string, string>, orderHeaders: Record<string, string> = { 'cache-control': 'no-store' }) =>
  collected({ plan: plan({ routes }), hosts: [host('www.acme.test', { headers: { 'cache-control': 'public, max-age=300' } })], routes: [routeRun('chat', json(CHAT, chatHeaders)), routeRun('order', json(ORDER, orderHeaders))] });

export default cases({
  pass: [
    { name: 'per-user answers are private or no-store; the anonymous home page is public', artifacts: world({ 'cache-control': 'private, max-age=60' }) },
    { name: 'no Cache-Control at all is not an explicit permission', artifacts: world({}) },
    { name: 'no-cache with max-age=0', artifacts: world({ 'cache-control': 'no-cache, max-age=0' }) },
    { name: 'public but also no-store', artifacts: world({ 'cache-control': 'public, max-age=60, no-store' }) },
    {
      name: 'a cookie-setting login response marked private',
      artifacts: collected({
        hosts: [host('www.acme.test', { https: chain(exchange({ url: 'https://www.acme.test/', headers: { 'content-type': 'text/html', 'set-cookie': 'session=abc; Secure; HttpOnly', 'cache-control': 'private, no-cache' } })) })],
      }),
    },
    { name: 'a past Expires grants no freshness', artifacts: world({ expires: 'Thu, 01 Jan 1970 00:00:00 GMT' }) },
  ],
  fail: [
    {
      name: 'the chat answer may be kept by the CDN for 10 minutes',
      artifacts: world({ 'cache-control': 'max-age=600' }),
      expect: [{ target: CHAT, severity: 'high', evidence: 'https://api.acme.test/api/chat -> 200 answers the chat route "chat" with Cache-Control: max-age=600' }],
    },
    {
      name: 'an order read with s-maxage',
      artifacts: world({ 'cache-control': 'no-store' }, { 'cache-control': 'max-age=0, s-maxage=120' }),
      expect: [{ target: ORDER, evidence: 'Cache-Control: max-age=0, s-maxage=120' }],
    },
    {
      name: 'a page that sets a session cookie is marked public',
      artifacts: collected({
        hosts: [
          host('www.acme.test', {
            https: chain(redirect('https://www.acme.test/', 'https://www.acme.test/shop', 302), exchange({ url: 'https://www.acme.test/shop', headers: { 'content-type': 'text/html', 'set-cookie': ['session=abc; Secure; HttpOnly', 'cart=1'], 'cache-control': 'public' } })),
          }),
        ],
      }),
      expect: [{ target: 'https://www.acme.test/shop', evidence: 'sets cookie "session", "cart" with Cache-Control: public' }],
    },
    {
      name: 'a future Expires stands in for max-age',
      artifacts: world({ date: 'Sat, 28 Nov 2026 12:00:00 GMT', expires: 'Sat, 28 Nov 2026 13:00:00 GMT' }),
      expect: [{ target: CHAT, evidence: 'Cache-Control: (absent), Expires: Sat, 28 Nov 2026 13:00:00 GMT' }],
    },
    {
      name: 'CDN-Cache-Control overrides a private Cache-Control for the CDN',
      artifacts: world({ 'cache-control': 'private', 'cdn-cache-control': 'max-age=60' }),
      expect: [{ target: CHAT, evidence: 'CDN-Cache-Control: max-age=60' }],
    },
  ],
});

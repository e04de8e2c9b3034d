import { cases } from '../../../helpers/check-cases.js';
import { cert, chain, collected, exchange, failedExchange, host, plan, redirect, route, routeRun, tls } from '../../../helpers/artifacts.js';

const HOME = 'https://www.acme.test/';
const ORDER = 'https://api.acme.test/api/orders/1001';
const routes = [
  route({ name: 'home', url: HOME, expect: { status: [200], body: 'Acme' } }),
  route({ name: 'order', url: ORDER, kind: 'api', expect: { status: [], json: { 'order.id': 'exists', status: 'ok', 'order.items.0.qty': 2 } } }),
];
const hosts = [host('www.acme.test'), host('api.acme.test')];
const okHome = routeRun('home', exchange({ url: HOME, body: '<h1>Acme Shop</h1>' }));
const okOrder = routeRun('order', exchange({ url: ORDER, body: '{"status":"ok","order":{"id":1001,"items":[{"qty":"2"}]}}' }));
const world = (home = okHome, order = okOrder, hostList = hosts) => collected({ plan: plan({ routes }), hosts: hostList, routes: [home, order] });

export default cases({
  pass: [
    { name: 'both routes answer as expected (JSON "2" matches YAML 2)', artifacts: world() },
    {
      name: 'a route with no expected status accepts a redirect to the login page',
      artifacts: collected({
        plan: plan({ routes: [route({ name: 'account', url: 'https://www.acme.test/account' })] }),
        hosts,
        routes: [routeRun('account', redirect('https://www.acme.test/account', 'https://www.acme.test/login', 302), exchange({ url: 'https://www.acme.test/login' }))],
      }),
    },
    {
      name: 'a route expecting 302 is judged on its first answer',
      artifacts: collected({
        plan: plan({ routes: [route({ name: 'old', url: 'https://www.acme.test/old', expect: { status: [302] } })] }),
        hosts,
        routes: [routeRun('old', redirect('https://www.acme.test/old', HOME, 302), exchange({ url: HOME }))],
      }),
    },
    {
      name: 'a route the collector did not record is left alone',
      artifacts: collected({ plan: plan({ routes }), hosts, routes: [okHome] }),
    },
  ],
  fail: [
    {
      name: 'the home page answers 502',
      artifacts: world(routeRun('home', exchange({ url: HOME, status: 502, body: 'Bad gateway' }))),
      expect: [{ target: HOME, severity: 'high', evidence: 'status 502 (expected 200)' }],
    },
    {
      name: 'the body lacks the expected text',
      artifacts: world(routeRun('home', exchange({ url: HOME, body: '<h1>Coming soon</h1>' }))),
      expect: [{ target: HOME, evidence: 'body lacks "Acme"' }],
    },
    {
      name: 'the API host does not resolve',
      artifacts: world(okHome, routeRun('order', failedExchange(ORDER, 'dns-nxdomain', 'api.acme.test: NXDOMAIN'))),
      expect: [{ target: ORDER, evidence: 'dns-nxdomain: api.acme.test: NXDOMAIN' }],
    },
    {
      name: 'the JSON misses a path and has another value',
      artifacts: world(okHome, routeRun('order', exchange({ url: ORDER, body: '{"status":"error","order":{"items":[{"qty":2}]}}' }))),
      expect: [{ target: ORDER, evidence: /JSON lacks order\.id; JSON status is "error", expected "ok"/ }],
    },
    {
      name: 'the API answers HTML instead of JSON',
      artifacts: world(okHome, routeRun('order', exchange({ url: ORDER, body: '<html>maintenance</html>' }))),
      expect: [{ target: ORDER, evidence: 'body is not JSON' }],
    },
    {
      name: 'the home page redirects in a loop',
      artifacts: world({
        name: 'home',
        chain: { ...chain(redirect(HOME, 'https://acme.test/'), redirect('https://acme.test/', HOME)), outcome: 'loop' },
      }),
      expect: [{ target: HOME, evidence: 'redirect loop: https://www.acme.test/ -> https://acme.test/' }],
    },
    {
      name: 'the route answers but browsers refuse the certificate',
      artifacts: world(okHome, okOrder, [
        host('www.acme.test', {
          tls: tls('www.acme.test', { hostnameMatches: false, authorized: false, authorizationError: 'ERR_TLS_CERT_ALTNAME_INVALID', chain: [cert({ subjectAltNames: ['DNS:shop.other.test'] })] }),
        }),
        host('api.acme.test'),
      ]),
      expect: [{ target: HOME, evidence: 'certificate does not cover www.acme.test (it names DNS:shop.other.test)' }],
    },
    {
      name: 'the certificate has expired',
      artifacts: world(okHome, okOrder, [
        host('www.acme.test'),
        host('api.acme.test', {
          tls: tls('api.acme.test', { authorized: false, authorizationError: 'CERT_HAS_EXPIRED', chain: [cert({ validTo: '2026-11-01T00:00:00.000Z' })] }),
        }),
      ]),
      expect: [{ target: ORDER, evidence: /^GET https:\/\/api\.acme\.test\/api\/orders\/1001 \(route "order"\): certificate for api\.acme\.test expired on 2026-11-01T00:00:00\.000Z$/ }],
    },
  ],
});

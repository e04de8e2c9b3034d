import { cases } from '../../../helpers/check-cases.js';
import { chain, collected, exchange, host, plan, redirect, route, routeRun } from '../../../helpers/artifacts.js';

const LOGIN = 'https://www.acme.test/login';
const withLogin = plan({ routes: [route({ name: 'login', url: LOGIN, method: 'POST', kind: 'login' })] });
const TOKEN = 'f3a9c2e1b7d64a5f8e0c1d2b3a4f5e6d';
const login = (...cookies: string[]) => collected({ plan: withLogin, hosts: [host('www.acme.test')], routes: [routeRun('login', exchange({ url: LOGIN, method: 'POST', headers: { 'set-cookie': cookies } }))] });

export default cases({
  pass: [
    { name: 'a Secure; HttpOnly; SameSite=Lax session cookie', artifacts: login(`session=${TOKEN}; Path=/; Secure; HttpOnly; SameSite=Lax`) },
    { name: 'attribute names are case-insensitive', artifacts: login(`__Host-sid=${TOKEN}; path=/; secure; httponly; samesite=strict`) },
    { name: 'logout clears the cookie without attributes', artifacts: login('session=; Path=/; Max-Age=0', 'auth_token=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT') },
    { name: 'a CSRF cookie scripts must read may lack HttpOnly', artifacts: login(`XSRF-TOKEN=${TOKEN}; Path=/; Secure; SameSite=Strict`) },
    {
      name: 'a Secure preference cookie without HttpOnly is fine',
      artifacts: collected({ hosts: [host('www.acme.test', { headers: { 'set-cookie': 'theme=dark; Path=/; Secure' } })] }),
    },
  ],
  fail: [
    {
      name: 'a session cookie missing HttpOnly and SameSite',
      artifacts: login(`session=${TOKEN}; Path=/; Secure`),
      expect: [{ target: LOGIN, severity: 'high', evidence: /^cookie "session" \(value f3… \[32 chars, sha256:[0-9a-f]{8}\]\) set by https:\/\/www\.acme\.test\/login lacks HttpOnly, SameSite$/ }],
    },
    {
      name: 'any cookie a login route sets is treated as a session cookie',
      artifacts: login('acme=0123456789abcdef; Path=/; HttpOnly; SameSite=Lax'),
      expect: [{ target: LOGIN, severity: 'high', evidence: 'lacks Secure' }],
    },
    {
      name: 'a session cookie set on the http:// redirect hop',
      artifacts: collected({
        hosts: [
          host('acme.test', {
            http: chain(
              exchange({ url: 'http://acme.test/', status: 301, headers: { location: 'https://acme.test/', 'set-cookie': 'PHPSESSID=abc; path=/' } }),
              exchange({ url: 'https://acme.test/', headers: { 'content-type': 'text/html' } }),
            ),
          }),
        ],
      }),
      expect: [{ target: 'http://acme.test/', severity: 'high', evidence: /^cookie "PHPSESSID" \(value … \[3 chars, sha256:[0-9a-f]{8}\]\) set by http:\/\/acme\.test\/ lacks Secure, HttpOnly, SameSite$/ }],
    },
    {
      name: 'a tracking cookie without Secure is low',
      artifacts: collected({
        hosts: [host('www.acme.test', { https: chain(redirect('https://www.acme.test/', 'https://www.acme.test/shop', 302), exchange({ url: 'https://www.acme.test/shop', headers: { 'set-cookie': 'visitor=1234567890abcdef; Path=/' } })) })],
      }),
      expect: [{ target: 'https://www.acme.test/shop', severity: 'low', evidence: /^cookie "visitor" \(value 12… \[16 chars, sha256:[0-9a-f]{8}\]\) set by https:\/\/www\.acme\.test\/shop lacks Secure$/ }],
    },
  ],
});

import { cases } from '../../../helpers/check-cases.js';
import { chain, collected, exchange, host, plan, redirect, route, routeRun } from '../../../helpers/artifacts.js';

const CSP = { 'content-security-policy': "default-src 'self'; frame-ancestors 'none'" };
const LOGIN = 'https://www.acme.test/login';
const withLogin = plan({ routes: [route({ name: 'login', url: LOGIN, kind: 'login' })] });
const html = (url: string, headers: Record<string, string> = {}, body = '<html></html>') => exchange({ url, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body });

export default cases({
  pass: [
    { name: 'every page sends a CSP header', artifacts: collected({ plan: withLogin, hosts: [host('www.acme.test', { headers: CSP })], routes: [routeRun('login', html(LOGIN, CSP))] }) },
    {
      name: 'a CSP in a meta tag counts',
      artifacts: collected({ hosts: [host('www.acme.test', { https: chain(html('https://www.acme.test/', {}, `<head><meta http-equiv="Content-Security-Policy" content="default-src 'self'"></head>`)) })] }),
    },
    { name: 'JSON responses are not pages', artifacts: collected({ hosts: [host('api.acme.test', { headers: { 'content-type': 'application/json' } })] }) },
    { name: 'an error page is not judged', artifacts: collected({ hosts: [host('www.acme.test', { https: chain(exchange({ url: 'https://www.acme.test/', status: 503, headers: { 'content-type': 'text/html' } })) })] }) },
    {
      name: 'a host that redirects elsewhere is judged where it lands',
      artifacts: collected({ hosts: [host('acme.test', { https: chain(redirect('https://acme.test/', 'https://www.acme.test/'), html('https://www.acme.test/', CSP)) }), host('www.acme.test', { headers: CSP })] }),
    },
  ],
  fail: [
    {
      name: 'neither the home page nor the login page sends one',
      artifacts: collected({ plan: withLogin, hosts: [host('www.acme.test')], routes: [routeRun('login', html(LOGIN))] }),
      expect: [{ target: 'www.acme.test', severity: 'medium', evidence: 'https://www.acme.test/login: no Content-Security-Policy header; https://www.acme.test/: no Content-Security-Policy header' }],
    },
    {
      name: 'report-only blocks nothing',
      artifacts: collected({ hosts: [host('app.acme.test', { headers: { 'content-security-policy-report-only': "default-src 'self'" } })] }),
      expect: [{ target: 'app.acme.test', evidence: 'only Content-Security-Policy-Report-Only' }],
    },
    {
      name: 'one finding per host',
      artifacts: collected({ hosts: [host('www.acme.test'), host('admin.acme.test'), host('api.acme.test', { headers: CSP })] }),
      expect: [{ target: 'www.acme.test' }, { target: 'admin.acme.test', evidence: 'https://admin.acme.test/' }],
    },
  ],
});

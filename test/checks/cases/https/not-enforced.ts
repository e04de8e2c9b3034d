import { cases } from '../../../helpers/check-cases.js';
import { chain, exchange, host, plan, redirect } from '../../../helpers/artifacts.js';

const page = (url: string) => exchange({ url, headers: { 'content-type': 'text/html' }, body: '<html>shop</html>' });

export default cases({
  pass: [
    { name: 'http redirects to https on the same host', artifacts: { plan: plan(), hosts: [host('acme.test'), host('www.acme.test')] } },
    {
      name: 'http apex redirects straight to the canonical https host',
      artifacts: { plan: plan(), hosts: [host('acme.test', { http: chain(redirect('http://acme.test/', 'https://www.acme.test/'), page('https://www.acme.test/')) })] },
    },
    {
      name: 'nothing listens on port 80',
      artifacts: {
        plan: plan(),
        hosts: [host('api.acme.test', { http: chain(exchange({ url: 'http://api.acme.test/', status: undefined, error: { code: 'connect-refused', message: 'ECONNREFUSED' } })) })],
      },
    },
  ],
  fail: [
    {
      name: 'the shop is served over plain http',
      artifacts: { plan: plan(), hosts: [host('acme.test'), host('www.acme.test', { http: chain(page('http://www.acme.test/')) })] },
      expect: [{ target: 'www.acme.test', severity: 'high', evidence: 'http://www.acme.test/ -> 200: content served over plain http' }],
    },
    {
      name: 'http redirects only to another http URL',
      artifacts: {
        plan: plan(),
        hosts: [host('acme.test', { http: chain(redirect('http://acme.test/', 'http://www.acme.test/'), exchange({ url: 'http://www.acme.test/', status: 404 })) })],
      },
      expect: [{ target: 'acme.test', evidence: 'http://acme.test/ -> 301 -> http://www.acme.test/ -> 404: the redirects never reach https' }],
    },
    {
      name: 'a detour through https that lands back on http',
      artifacts: {
        plan: plan(),
        hosts: [
          host('shop.acme.test', {
            http: chain(redirect('http://shop.acme.test/', 'https://shop.acme.test/'), redirect('https://shop.acme.test/', 'http://shop.acme.test/home'), page('http://shop.acme.test/home')),
          }),
        ],
      },
      expect: [{ target: 'shop.acme.test', evidence: '-> http://shop.acme.test/home -> 200: content served over plain http' }],
    },
  ],
});

import { cases } from '../../../helpers/check-cases.js';
import { chain, exchange, host, plan, redirect, route } from '../../../helpers/artifacts.js';

const login = route({ name: 'login', url: 'https://www.acme.test/account', kind: 'login' });

export default cases({
  pass: [
    {
      name: '301 upgrade and 308 canonical redirect',
      artifacts: {
        plan: plan(),
        hosts: [
          host('acme.test', {
            https: chain(redirect('https://acme.test/', 'https://www.acme.test/', 308), exchange({ url: 'https://www.acme.test/' })),
            http: chain(redirect('http://acme.test/', 'https://acme.test/', 301), redirect('https://acme.test/', 'https://www.acme.test/', 308), exchange({ url: 'https://www.acme.test/' })),
          }),
          host('www.acme.test'),
        ],
        routes: [],
      },
    },
    {
      name: 'a 302 to the login page is legitimately temporary',
      artifacts: {
        plan: plan({ routes: [login] }),
        hosts: [host('www.acme.test')],
        routes: [{ name: 'login', chain: chain(redirect(login.url, '/login?next=/account', 302), exchange({ url: 'https://www.acme.test/login?next=/account' })) }],
      },
    },
  ],
  fail: [
    {
      name: '302 for the https upgrade',
      artifacts: {
        plan: plan(),
        hosts: [host('acme.test', { http: chain(redirect('http://acme.test/', 'https://acme.test/', 302), exchange({ url: 'https://acme.test/' })) }), host('www.acme.test')],
        routes: [],
      },
      expect: [{ target: 'acme.test', severity: 'low', evidence: 'http://acme.test/ -> 302 -> https://acme.test/ is the http -> https upgrade' }],
    },
    {
      name: '307 from apex to www, seen in both chains, reported once',
      artifacts: {
        plan: plan(),
        hosts: [
          host('acme.test', {
            https: chain(redirect('https://acme.test/', 'https://www.acme.test/', 307), exchange({ url: 'https://www.acme.test/' })),
            http: chain(redirect('http://acme.test/', 'https://acme.test/'), redirect('https://acme.test/', 'https://www.acme.test/', 307), exchange({ url: 'https://www.acme.test/' })),
          }),
        ],
        routes: [],
      },
      expect: [{ target: 'acme.test', evidence: 'https://acme.test/ -> 307 -> https://www.acme.test/ is the apex/www canonical redirect' }],
    },
  ],
});

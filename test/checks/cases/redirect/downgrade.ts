import { cases } from '../../../helpers/check-cases.js';
import { chain, exchange, host, plan, redirect, route } from '../../../helpers/artifacts.js';

const login = route({ name: 'login', url: 'https://www.acme.test/login', kind: 'login' });
const downgrading = chain(redirect(login.url, 'http://www.acme.test/login/'), redirect('http://www.acme.test/login/', 'https://www.acme.test/login/'), exchange({ url: 'https://www.acme.test/login/' }));

export default cases({
  pass: [
    { name: 'http upgrades, https stays https', artifacts: { plan: plan(), hosts: [host('acme.test'), host('www.acme.test')], routes: [] } },
    {
      name: 'a cross-host https redirect',
      artifacts: {
        plan: plan(),
        hosts: [host('acme.test', { https: chain(redirect('https://acme.test/', 'https://www.acme.test/'), exchange({ url: 'https://www.acme.test/' })) })],
        routes: [],
      },
    },
  ],
  fail: [
    {
      name: 'the login route bounces through http',
      artifacts: { plan: plan({ routes: [login] }), hosts: [host('www.acme.test')], routes: [{ name: 'login', chain: downgrading }] },
      expect: [
        {
          target: login.url,
          severity: 'high',
          evidence: 'https://www.acme.test/login -> 301 -> http://www.acme.test/login/ (chain: https://www.acme.test/login -> 301 -> http://www.acme.test/login/ -> 301 -> https://www.acme.test/login/ -> 200)',
        },
      ],
    },
    {
      name: 'the home page sends https visitors to http',
      artifacts: {
        plan: plan(),
        hosts: [
          host('shop.acme.test', {
            https: chain(redirect('https://shop.acme.test/', 'http://shop.acme.test/'), exchange({ url: 'http://shop.acme.test/' })),
            http: chain(exchange({ url: 'http://shop.acme.test/' })),
          }),
        ],
        routes: [],
      },
      expect: [{ target: 'shop.acme.test', evidence: 'https://shop.acme.test/ -> 301 -> http://shop.acme.test/' }],
    },
  ],
});

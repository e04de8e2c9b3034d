import { cases } from '../../../helpers/check-cases.js';
import { chain, exchange, host, plan, redirect } from '../../../helpers/artifacts.js';

const STS = { 'strict-transport-security': 'max-age=31536000; includeSubDomains' };
const withRedirect = (from: string, to: string, headers: Record<string, string>) => ({ ...redirect(from, to), headers: { location: [to], ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])) } });

export default cases({
  pass: [
    { name: 'every https response sends HSTS', artifacts: { plan: plan(), hosts: [host('acme.test', { headers: STS }), host('www.acme.test', { headers: STS })] } },
    {
      name: 'the apex redirect carries HSTS; the www response is judged under www',
      artifacts: {
        plan: plan(),
        hosts: [host('acme.test', { https: chain(withRedirect('https://acme.test/', 'https://www.acme.test/', STS), exchange({ url: 'https://www.acme.test/' })) })],
      },
    },
    {
      name: 'http responses are not expected to carry HSTS (RFC 6797 §7.2)',
      artifacts: { plan: plan(), hosts: [host('acme.test', { headers: STS, http: chain(exchange({ url: 'http://acme.test/', status: 200 })) })] },
    },
    {
      name: 'an error page is not judged',
      artifacts: { plan: plan(), hosts: [host('api.acme.test', { https: chain(exchange({ url: 'https://api.acme.test/', status: 503 })) })] },
    },
  ],
  fail: [
    {
      name: 'no header on the home page',
      artifacts: { plan: plan(), hosts: [host('acme.test', { headers: STS }), host('www.acme.test')] },
      expect: [{ target: 'www.acme.test', severity: 'medium', evidence: 'GET https://www.acme.test/ -> 200 has no Strict-Transport-Security header' }],
    },
    {
      name: 'the apex redirect lacks it while www sends it',
      artifacts: {
        plan: plan(),
        hosts: [
          host('acme.test', { https: chain(redirect('https://acme.test/', 'https://www.acme.test/'), exchange({ url: 'https://www.acme.test/', headers: STS })) }),
          host('www.acme.test', { headers: STS }),
        ],
      },
      expect: [{ target: 'acme.test', evidence: 'GET https://acme.test/ -> 301 (Location: https://www.acme.test/) has no Strict-Transport-Security header' }],
    },
    {
      name: 'a header without max-age is ignored by browsers',
      artifacts: { plan: plan(), hosts: [host('acme.test', { headers: { 'strict-transport-security': 'includeSubDomains; preload' } })] },
      expect: [{ target: 'acme.test', evidence: '"Strict-Transport-Security: includeSubDomains; preload", which browsers ignore: no max-age directive' }],
    },
    {
      name: 'a repeated directive invalidates the header',
      artifacts: { plan: plan(), hosts: [host('acme.test', { headers: { 'strict-transport-security': 'max-age=31536000; MAX-AGE=0' } })] },
      expect: [{ target: 'acme.test', evidence: 'directive MAX-AGE appears twice' }],
    },
  ],
});

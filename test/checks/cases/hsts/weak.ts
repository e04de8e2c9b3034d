import { cases } from '../../../helpers/check-cases.js';
import { host, plan } from '../../../helpers/artifacts.js';

const sts = (value: string | string[]) => ({ headers: { 'strict-transport-security': value } });
const STRONG = 'max-age=31536000; includeSubDomains';

export default cases({
  pass: [
    { name: 'one year with includeSubDomains', artifacts: { plan: plan(), hosts: [host('acme.test', sts(STRONG)), host('www.acme.test', sts(STRONG))] } },
    {
      name: 'www without includeSubDomains is fine when it has no subdomains',
      artifacts: { plan: plan(), hosts: [host('acme.test', sts(STRONG)), host('www.acme.test', sts('max-age=63072000'))] },
    },
    {
      name: 'quoted value and upper-case directive names (RFC 6797 §6.1)',
      artifacts: { plan: plan(), hosts: [host('acme.test', sts('MAX-AGE="63072000"; INCLUDESUBDOMAINS; preload'))] },
    },
    { name: 'a missing header is hsts.missing, not weak', artifacts: { plan: plan(), hosts: [host('acme.test'), host('www.acme.test')] } },
  ],
  fail: [
    {
      name: 'five-minute max-age',
      artifacts: { plan: plan(), hosts: [host('acme.test', sts(STRONG)), host('www.acme.test', sts('max-age=300'))] },
      expect: [{ target: 'www.acme.test', severity: 'low', evidence: '"Strict-Transport-Security: max-age=300": max-age=300 is under one year (31536000)' }],
    },
    {
      name: 'apex without includeSubDomains while subdomains exist',
      artifacts: {
        plan: plan({
          hosts: [
            { name: 'acme.test', environment: 'production', declared: true },
            { name: 'www.acme.test', environment: 'production', declared: true },
            { name: 'api.acme.test', environment: 'production', declared: true },
          ],
        }),
        hosts: [host('acme.test', sts('max-age=31536000')), host('www.acme.test', sts(STRONG))],
      },
      expect: [{ target: 'acme.test', evidence: 'no includeSubDomains although www.acme.test, api.acme.test exist' }],
    },
    {
      name: 'two headers, app and proxy each adding one',
      artifacts: { plan: plan(), hosts: [host('acme.test', sts(STRONG)), host('www.acme.test', sts(['max-age=0', STRONG]))] },
      expect: [
        {
          target: 'www.acme.test',
          evidence: 'max-age=0 is under one year (31536000); 2 Strict-Transport-Security headers ("max-age=0", "max-age=31536000; includeSubDomains"): browsers process only the first (RFC 6797 §8.1)',
        },
      ],
    },
  ],
});

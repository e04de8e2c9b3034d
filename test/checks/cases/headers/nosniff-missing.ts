import { cases } from '../../../helpers/check-cases.js';
import { collected, exchange, host, plan, route, routeRun } from '../../../helpers/artifacts.js';

const CHECKOUT = 'https://www.acme.test/checkout';
const withCheckout = plan({ routes: [route({ name: 'checkout', url: CHECKOUT, kind: 'checkout' })] });

export default cases({
  pass: [
    { name: 'nosniff is sent', artifacts: collected({ hosts: [host('www.acme.test', { headers: { 'x-content-type-options': 'nosniff' } })] }) },
    { name: 'the value is case-insensitive', artifacts: collected({ hosts: [host('www.acme.test', { headers: { 'x-content-type-options': ' NoSniff ' } })] }) },
  ],
  fail: [
    {
      name: 'the header is missing',
      artifacts: collected({ hosts: [host('www.acme.test')] }),
      expect: [{ target: 'www.acme.test', severity: 'low', evidence: 'https://www.acme.test/: no X-Content-Type-Options header' }],
    },
    {
      name: 'the checkout page sends an invalid value',
      artifacts: collected({
        plan: withCheckout,
        hosts: [host('www.acme.test', { headers: { 'x-content-type-options': 'nosniff' } })],
        routes: [routeRun('checkout', exchange({ url: CHECKOUT, headers: { 'content-type': 'text/html', 'x-content-type-options': 'no-sniff' } }))],
      }),
      expect: [{ target: 'www.acme.test', evidence: 'https://www.acme.test/checkout: X-Content-Type-Options: no-sniff (only "nosniff" is valid)' }],
    },
  ],
});

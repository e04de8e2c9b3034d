import { cases } from '../../../helpers/check-cases.js';
import { collected, dns, host, plan } from '../../../helpers/artifacts.js';

const declared = plan({
  hosts: [
    { name: 'www.acme.test', environment: 'production', declared: true },
    { name: 'api.acme.test', environment: 'production', declared: true },
    { name: 'shop.acme.test', declared: false },
  ],
});

export default cases({
  pass: [
    { name: 'every declared host resolves', artifacts: collected({ plan: declared, hosts: [host('www.acme.test'), host('api.acme.test')] }) },
    {
      name: 'a host found by discovery that does not exist is not a missing record',
      artifacts: collected({ plan: declared, hosts: [host('www.acme.test'), host('api.acme.test'), { host: 'shop.acme.test', dns: dns('shop.acme.test', { a: [], status: 'nxdomain' }) }] }),
    },
    {
      name: 'a lookup timeout proves nothing about the records',
      artifacts: collected({
        plan: declared,
        hosts: [host('www.acme.test'), { host: 'api.acme.test', dns: dns('api.acme.test', { a: [], status: 'error', error: { code: 'dns-timeout', message: 'no answer in 5000 ms' } }) }],
      }),
    },
    {
      name: 'a CNAME without address is left to dns.dangling-cname',
      artifacts: collected({
        plan: declared,
        hosts: [host('www.acme.test'), { host: 'api.acme.test', dns: dns('api.acme.test', { a: [], cnames: ['acme-api.herokuapp.com'], status: 'nxdomain' }) }],
      }),
    },
  ],
  fail: [
    {
      name: 'a declared host does not exist',
      artifacts: collected({ plan: declared, hosts: [host('www.acme.test'), { host: 'api.acme.test', dns: dns('api.acme.test', { a: [], status: 'nxdomain' }) }] }),
      expect: [{ target: 'api.acme.test', severity: 'high', evidence: 'api.acme.test: NXDOMAIN' }],
    },
    {
      name: 'a declared host exists without any address',
      artifacts: collected({ plan: declared, hosts: [host('api.acme.test'), { host: 'www.acme.test', dns: dns('www.acme.test', { a: [], status: 'nodata' }) }] }),
      expect: [{ target: 'www.acme.test', evidence: 'NODATA' }],
    },
  ],
});

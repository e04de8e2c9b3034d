import { cases } from '../../../helpers/check-cases.js';
import { collected, dns, host } from '../../../helpers/artifacts.js';

export default cases({
  pass: [
    {
      name: 'a CNAME to a CDN that resolves',
      artifacts: collected({ hosts: [host('www.acme.test', { dns: dns('www.acme.test', { cnames: ['acme.edge.example.net'], a: ['192.0.2.20'] }) })] }),
    },
    {
      name: 'a CNAME that resolves over IPv6 only',
      artifacts: collected({ hosts: [host('www.acme.test', { dns: dns('www.acme.test', { cnames: ['acme.edge.example.net'], a: [], aaaa: ['2001:db8::1'] }) })] }),
    },
    { name: 'a plain A record, no CNAME', artifacts: collected({ hosts: [host('acme.test')] }) },
  ],
  fail: [
    {
      name: 'a CNAME to a deleted app',
      artifacts: collected({
        hosts: [
          host('www.acme.test'),
          { host: 'shop.acme.test', dns: dns('shop.acme.test', { cnames: ['acme-shop.herokuapp.com'], a: [], status: 'nxdomain' }) },
        ],
      }),
      expect: [{ target: 'shop.acme.test', severity: 'high', evidence: 'shop.acme.test -> CNAME acme-shop.herokuapp.com -> no address (nxdomain)' }],
    },
    {
      name: 'a two-step CNAME chain ending on a name with no records',
      artifacts: collected({
        hosts: [{ host: 'status.acme.test', dns: dns('status.acme.test', { cnames: ['acme.status.example', 'gone.status.example'], a: [], status: 'nodata' }) }],
      }),
      expect: [{ target: 'status.acme.test', evidence: 'CNAME acme.status.example -> CNAME gone.status.example -> no address (nodata)' }],
    },
  ],
});

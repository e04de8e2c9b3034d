import { cases } from '../../../helpers/check-cases.js';
import { chain, collected, exchange, host } from '../../../helpers/artifacts.js';

export default cases({
  pass: [
    { name: 'X-Frame-Options: DENY', artifacts: collected({ hosts: [host('www.acme.test', { headers: { 'x-frame-options': 'DENY' } })] }) },
    { name: 'X-Frame-Options: sameorigin', artifacts: collected({ hosts: [host('www.acme.test', { headers: { 'x-frame-options': 'sameorigin' } })] }) },
    { name: 'CSP frame-ancestors alone', artifacts: collected({ hosts: [host('www.acme.test', { headers: { 'content-security-policy': "default-src 'self'; frame-ancestors 'self'" } })] }) },
  ],
  fail: [
    {
      name: 'no framing protection at all',
      artifacts: collected({ hosts: [host('www.acme.test', { headers: { 'content-security-policy': "default-src 'self'" } })] }),
      expect: [{ target: 'www.acme.test', severity: 'medium', evidence: 'https://www.acme.test/: neither X-Frame-Options nor CSP frame-ancestors' }],
    },
    {
      name: 'the obsolete ALLOW-FROM is ignored by browsers',
      artifacts: collected({ hosts: [host('www.acme.test', { headers: { 'x-frame-options': 'ALLOW-FROM https://partner.test' } })] }),
      expect: [{ target: 'www.acme.test', evidence: 'X-Frame-Options: ALLOW-FROM https://partner.test is not DENY or SAMEORIGIN' }],
    },
    {
      name: 'frame-ancestors in a meta tag does not count',
      artifacts: collected({
        hosts: [
          host('www.acme.test', {
            https: chain(exchange({ url: 'https://www.acme.test/', headers: { 'content-type': 'text/html' }, body: `<meta http-equiv="Content-Security-Policy" content="frame-ancestors 'none'">` })),
          }),
        ],
      }),
      expect: [{ target: 'www.acme.test', evidence: 'neither X-Frame-Options nor CSP frame-ancestors' }],
    },
  ],
});

import { cases } from '../../../helpers/check-cases.js';
import { chain, collected, exchange, host } from '../../../helpers/artifacts.js';

const page = (headers: Record<string, string>, body = '<html></html>') =>
  host('www.acme.test', { https: chain(exchange({ url: 'https://www.acme.test/', headers: { 'content-type': 'text/html', ...headers }, body })) });

export default cases({
  pass: [
    { name: 'strict-origin-when-cross-origin', artifacts: collected({ hosts: [page({ 'referrer-policy': 'strict-origin-when-cross-origin' })] }) },
    { name: 'a fallback list whose last known token is safe', artifacts: collected({ hosts: [page({ 'referrer-policy': 'no-referrer-when-downgrade, strict-origin-when-cross-origin' })] }) },
    { name: 'a referrer meta tag', artifacts: collected({ hosts: [page({}, '<head><meta name="referrer" content="no-referrer"></head>')] }) },
  ],
  fail: [
    { name: 'no policy', artifacts: collected({ hosts: [page({})] }), expect: [{ target: 'www.acme.test', severity: 'low', evidence: 'https://www.acme.test/: no Referrer-Policy header' }] },
    {
      name: 'unsafe-url leaks full URLs',
      artifacts: collected({ hosts: [page({ 'referrer-policy': 'unsafe-url' })] }),
      expect: [{ target: 'www.acme.test', evidence: 'Referrer-Policy: unsafe-url sends full URLs to other sites' }],
    },
    {
      name: 'a meta tag overrides a safe header with a leaky one',
      artifacts: collected({ hosts: [page({ 'referrer-policy': 'no-referrer' }, "<meta name='referrer' content='unsafe-url'>")] }),
      expect: [{ target: 'www.acme.test', evidence: 'unsafe-url' }],
    },
    {
      name: 'a misspelt policy',
      artifacts: collected({ hosts: [page({ 'referrer-policy': 'strict-origin-when-crossorigin' })] }),
      expect: [{ target: 'www.acme.test', evidence: 'unrecognised Referrer-Policy "strict-origin-when-crossorigin"' }],
    },
  ],
});

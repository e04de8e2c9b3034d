import { cases } from '../../../helpers/check-cases.js';
import { assetProbe, chain, collected, exchange, host, plan, route, routeRun } from '../../../helpers/artifacts.js';

const big = 'x'.repeat(4000);
const page = (body: string, headers: Record<string, string> = {}) =>
  host('www.acme.test', { https: chain(exchange({ url: 'https://www.acme.test/', headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body })) });
const CHAT = 'https://api.acme.test/api/chat';

export default cases({
  pass: [
    { name: 'a 900-byte page is fine uncompressed', artifacts: collected({ hosts: [page('x'.repeat(900))] }) },
    { name: 'a large page with gzip', artifacts: collected({ hosts: [page(big, { 'content-encoding': 'gzip' })] }) },
    { name: 'brotli and zstd count', artifacts: collected({ hosts: [page(big, { 'content-encoding': 'br' })], assets: [assetProbe('https://www.acme.test/a.js', { 'content-type': 'text/javascript', 'content-encoding': 'zstd' }, { body: big })] }) },
    { name: 'images are already compressed', artifacts: collected({ assets: [assetProbe('https://www.acme.test/hero.webp', { 'content-type': 'image/webp' }, { body: big })] }) },
  ],
  fail: [
    {
      name: 'a 4 KB page without Content-Encoding',
      artifacts: collected({ hosts: [page(big)] }),
      expect: [{ target: 'https://www.acme.test/', severity: 'low', evidence: 'https://www.acme.test/: text/html, 4000 bytes, no Content-Encoding' }],
    },
    {
      name: 'a JSON chat answer and an SVG asset, one finding each',
      artifacts: collected({
        plan: plan({ routes: [route({ name: 'chat', url: CHAT, method: 'POST', kind: 'chat' })] }),
        routes: [routeRun('chat', exchange({ url: CHAT, method: 'POST', headers: { 'content-type': 'application/json' }, body: big }))],
        assets: [assetProbe('https://www.acme.test/logo.svg', { 'content-type': 'image/svg+xml', 'content-encoding': 'identity' }, { body: big })],
      }),
      expect: [
        { target: CHAT, evidence: 'application/json, 4000 bytes' },
        { target: 'https://www.acme.test/logo.svg', evidence: 'Content-Encoding: identity' },
      ],
    },
    {
      name: 'a page the home route and the host both return counts once',
      artifacts: collected({
        plan: plan({ routes: [route({ name: 'home', url: 'https://www.acme.test/' })] }),
        hosts: [page(big)],
        routes: [routeRun('home', exchange({ url: 'https://www.acme.test/', headers: { 'content-type': 'text/html' }, body: big }))],
      }),
      expect: [{ target: 'https://www.acme.test/' }],
    },
  ],
});

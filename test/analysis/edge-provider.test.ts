import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectEdgeProvider } from '../../src/analysis/edge-provider.js';
import { EDGE_RANGES } from '../../src/analysis/edge-ranges.js';
import { chain, dns, exchange, host, redirect } from '../helpers/artifacts.js';

const direct = { server: 'nginx/1.25.3' };

describe('detectEdgeProvider by response header', () => {
  const cases: Array<[string, Record<string, string>, string]> = [
    ['Cloudflare', { 'cf-ray': '8c1f2a3b4c5d6e7f-AMS' }, 'cf-ray: 8c1f2a3b4c5d6e7f-AMS'],
    ['Cloudflare', { server: 'cloudflare' }, 'server: cloudflare'],
    ['Fastly', { 'x-served-by': 'cache-ams21052-AMS' }, 'x-served-by: cache-ams21052-AMS'],
    ['Fastly', { 'x-fastly-request-id': '5f3c0e0b9f1a' }, 'x-fastly-request-id: 5f3c0e0b9f1a'],
    ['CloudFront', { 'x-amz-cf-id': 'Zq1x_abc==' }, 'x-amz-cf-id: Zq1x_abc=='],
    ['CloudFront', { via: '1.1 0a1b2c3d.cloudfront.net (CloudFront)' }, 'via: 1.1 0a1b2c3d.cloudfront.net (CloudFront)'],
    ['Akamai', { server: 'AkamaiGHost' }, 'server: AkamaiGHost'],
    ['Akamai', { 'akamai-grn': '0.1a2b3c4d.1700000000.5e6f' }, 'akamai-grn: 0.1a2b3c4d.1700000000.5e6f'],
    ['Vercel', { 'x-vercel-id': 'fra1::iad1::abcde-1700000000000-0123456789ab' }, 'x-vercel-id: fra1::iad1::'],
    ['Vercel', { server: 'Vercel' }, 'server: Vercel'],
    ['Netlify', { 'x-nf-request-id': '01HABCDEF' }, 'x-nf-request-id: 01HABCDEF'],
    ['Netlify', { server: 'Netlify' }, 'server: Netlify'],
  ];
  for (const [provider, headers, evidence] of cases) {
    it(`${provider} from ${Object.keys(headers)[0]}`, () => {
      const found = detectEdgeProvider(host('acme.test', { headers }));
      assert.equal(found?.provider, provider);
      assert.equal(found?.via, 'header');
      assert.ok(found?.evidence.includes(evidence), found?.evidence);
      assert.ok(found?.evidence.includes('https://acme.test/'), 'names the response it was seen on');
    });
  }

  it('ignores headers of another host the chain redirected to', () => {
    const apex = host('acme.test', {
      https: chain(redirect('https://acme.test/', 'https://www.acme.test/'), exchange({ url: 'https://www.acme.test/', headers: { 'cf-ray': '8c1f-AMS' } })),
      http: chain(redirect('http://acme.test/', 'https://acme.test/')),
    });
    assert.equal(detectEdgeProvider(apex), null);
  });

  it('reads the http chain too', () => {
    const h = host('acme.test', { headers: direct, http: chain(exchange({ url: 'http://acme.test/', status: 301, headers: { location: 'https://acme.test/', 'x-amz-cf-pop': 'FRA56-P1' } })) });
    assert.equal(detectEdgeProvider(h)?.provider, 'CloudFront');
  });

  it('does not take a generic varnish x-served-by for Fastly', () => {
    assert.equal(detectEdgeProvider(host('acme.test', { headers: { 'x-served-by': 'origin-web-3' } })), null);
  });
});

describe('detectEdgeProvider by CNAME', () => {
  const cases: Array<[string, string]> = [
    ['Cloudflare', 'www.acme.test.cdn.cloudflare.net.'],
    ['Cloudflare', 'acme-shop.pages.dev'],
    ['Fastly', 'acme.test.global.ssl.fastly.net'],
    ['Fastly', 'dualstack.n.sni.global.fastlylb.net'],
    ['CloudFront', 'd111111abcdef8.cloudfront.net'],
    ['Akamai', 'www.acme.test.edgekey.net'],
    ['Akamai', 'e1234.a.akamaiedge.net'],
    ['Vercel', 'cname.vercel-dns.com'],
    ['Vercel', 'd1d4fc829fe7bc7c.vercel-dns-017.com'],
    ['Netlify', 'acme-shop.netlify.app'],
  ];
  for (const [provider, cname] of cases) {
    it(`${provider} from ${cname}`, () => {
      const found = detectEdgeProvider(host('www.acme.test', { headers: direct, dns: dns('www.acme.test', { cnames: [cname], a: ['192.0.2.80'] }) }));
      assert.deepEqual(found, { provider, via: 'cname', evidence: `www.acme.test CNAME ${cname}` });
    });
  }

  it('matches whole labels only', () => {
    assert.equal(detectEdgeProvider(host('www.acme.test', { headers: direct, dns: dns('www.acme.test', { cnames: ['notcloudfront.net'] }) })), null);
  });
});

describe('detectEdgeProvider by published address range', () => {
  const cases: Array<[string, string, string]> = [
    ['Cloudflare', '104.21.32.1', '104.16.0.0/13'],
    ['Cloudflare', '2606:4700:3030::6815:2001', '2606:4700::/32'],
    ['Fastly', '151.101.1.57', '151.101.0.0/16'],
    ['CloudFront', '13.224.10.20', '13.224.0.0/14'],
    ['CloudFront', '2600:9000:2000::1', '2600:9000::/28'],
    ['Akamai', '23.45.67.89', '23.32.0.0/11'],
    ['Vercel', '76.76.21.21', '76.76.21.0/24'],
    ['Netlify', '75.2.60.5', '75.2.60.5/32'],
  ];
  for (const [provider, address, range] of cases) {
    it(`${provider} from ${address}`, () => {
      const v6 = address.includes(':');
      const found = detectEdgeProvider(host('acme.test', { headers: direct, dns: dns('acme.test', v6 ? { a: [], aaaa: [address] } : { a: [address] }) }));
      assert.deepEqual(found, { provider, via: 'address', evidence: `acme.test resolves to ${address}, in ${provider}'s published range ${range}` });
    });
  }

  it('every published range parses and names its source', () => {
    for (const set of EDGE_RANGES) {
      assert.match(set.source, /https:\/\//, set.provider);
      for (const cidr of set.ranges) assert.match(cidr, /^[0-9a-f:.]+\/\d{1,3}$/, `${set.provider} ${cidr}`);
    }
  });
});

describe('detectEdgeProvider precedence and absence', () => {
  it('prefers what the proxy says over the address', () => {
    const h = host('acme.test', { headers: { 'x-vercel-id': 'fra1::abc' }, dns: dns('acme.test', { a: ['104.16.1.1'] }) });
    assert.equal(detectEdgeProvider(h)?.provider, 'Vercel');
  });

  it('null for a host served straight from its origin', () => {
    assert.equal(detectEdgeProvider(host('acme.test', { headers: direct, dns: dns('acme.test', { a: ['203.0.113.7'], aaaa: ['2001:db8::7'] }) })), null);
  });

  it('null for a host that did not resolve', () => {
    assert.equal(detectEdgeProvider({ host: 'acme.test', dns: dns('acme.test', { a: [], status: 'nxdomain' }) }), null);
  });
});

/**
 * Which CDN/WAF, if any, stands in front of a host: by the headers its proxies add, by the CNAME a
 * name is delegated to, or by the published address ranges it resolves into.
 */
import { BlockList, isIPv6 } from 'node:net';
import type { HostArtifact } from '../core/artifacts.js';
import { EDGE_RANGES } from './edge-ranges.js';
import { ownResponses } from './host-responses.js';

export interface EdgeDetection {
  provider: string;
  via: 'header' | 'cname' | 'address';
  /** What was seen, verifiable by the user: the header line, the CNAME, or the address and its range. */
  evidence: string;
}

interface HeaderSign {
  provider: string;
  header: string;
  /** When absent, the header's presence is the sign. */
  value?: RegExp;
}

// Headers each provider's edge adds to every response it proxies (their request-id and cache headers).
const HEADER_SIGNS: readonly HeaderSign[] = [
  { provider: 'Cloudflare', header: 'cf-ray' },
  { provider: 'Cloudflare', header: 'server', value: /^cloudflare\b/i },
  { provider: 'Fastly', header: 'x-fastly-request-id' },
  { provider: 'Fastly', header: 'x-served-by', value: /^cache-[a-z0-9-]+/i },
  { provider: 'CloudFront', header: 'x-amz-cf-id' },
  { provider: 'CloudFront', header: 'x-amz-cf-pop' },
  { provider: 'CloudFront', header: 'via', value: /\(CloudFront\)/i },
  { provider: 'Akamai', header: 'akamai-grn' },
  { provider: 'Akamai', header: 'x-akamai-transformed' },
  { provider: 'Akamai', header: 'akamai-cache-status' },
  { provider: 'Akamai', header: 'server', value: /^Akamai(GHost|NetStorage)\b/i },
  { provider: 'Vercel', header: 'x-vercel-id' },
  { provider: 'Vercel', header: 'server', value: /^Vercel\b/i },
  { provider: 'Netlify', header: 'x-nf-request-id' },
  { provider: 'Netlify', header: 'server', value: /^Netlify\b/i },
];

// Names customers CNAME to when onboarding a host onto each provider.
const CNAME_SIGNS: ReadonlyArray<{ provider: string; suffix: RegExp }> = [
  { provider: 'Cloudflare', suffix: /(^|\.)(cdn\.cloudflare\.net|pages\.dev)$/ },
  { provider: 'Fastly', suffix: /(^|\.)(fastly\.net|fastlylb\.net)$/ },
  { provider: 'CloudFront', suffix: /(^|\.)cloudfront\.net$/ },
  { provider: 'Akamai', suffix: /(^|\.)(edgekey\.net|edgesuite\.net|akamaiedge\.net|akamai\.net|akamaized\.net|akamaihd\.net)$/ },
  { provider: 'Vercel', suffix: /(^|\.)(vercel-dns(-\d+)?\.com|vercel\.app)$/ },
  { provider: 'Netlify', suffix: /(^|\.)(netlify\.app|netlify\.com|netlifyglobalcdn\.com)$/ },
];

interface Range {
  provider: string;
  cidr: string;
  list: BlockList;
}

// One BlockList per CIDR so the evidence can name the exact published range that matched.
const RANGES: readonly Range[] = EDGE_RANGES.flatMap(({ provider, ranges }) =>
  ranges.map((cidr) => {
    const [network, prefix] = cidr.split('/');
    const list = new BlockList();
    list.addSubnet(network, Number(prefix), isIPv6(network) ? 'ipv6' : 'ipv4');
    return { provider, cidr, list };
  }),
);

function byHeader(host: HostArtifact): EdgeDetection | null {
  for (const ex of ownResponses(host)) {
    for (const sign of HEADER_SIGNS) {
      const value = ex.headers[sign.header]?.find((v) => !sign.value || sign.value.test(v));
      if (value !== undefined) return { provider: sign.provider, via: 'header', evidence: `${sign.header}: ${value} (on ${ex.url})` };
    }
  }
  return null;
}

function byCname(host: HostArtifact): EdgeDetection | null {
  for (const raw of host.dns.cnames) {
    const target = raw.toLowerCase().replace(/\.$/, '');
    const sign = CNAME_SIGNS.find((s) => s.suffix.test(target));
    if (sign) return { provider: sign.provider, via: 'cname', evidence: `${host.host} CNAME ${raw}` };
  }
  return null;
}

function byAddress(host: HostArtifact): EdgeDetection | null {
  for (const address of [...host.dns.a, ...host.dns.aaaa]) {
    const type = isIPv6(address) ? 'ipv6' : 'ipv4';
    const range = RANGES.find((r) => r.list.check(address, type));
    if (range) return { provider: range.provider, via: 'address', evidence: `${host.host} resolves to ${address}, in ${range.provider}'s published range ${range.cidr}` };
  }
  return null;
}

/**
 * The edge provider in front of a host, or null. Only responses the host gave itself count (the
 * host a redirect leads to may sit behind a different edge). Headers are checked first, being what
 * the proxy itself says, then the CNAME, then the addresses.
 */
export function detectEdgeProvider(host: HostArtifact): EdgeDetection | null {
  return byHeader(host) ?? byCname(host) ?? byAddress(host);
}

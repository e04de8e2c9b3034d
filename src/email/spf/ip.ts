/**
 * IP addresses as SPF handles them: CIDR matching for ip4/ip6/a/mx, the dotted forms the `i`, `c`
 * and `v` macros expand to (RFC 7208 §7.3) and the reverse names PTR lookups use.
 */
import { isIP } from 'node:net';

export interface IpAddress {
  family: 4 | 6;
  /** 4 bytes for IPv4, 16 for IPv6. */
  bytes: number[];
}

/** RFC 7208 §12 `qnum`: 0-255 with no leading zero, so `ip4:01.2.3.4` is a syntax error. */
const QNUM = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${QNUM}\\.${QNUM}\\.${QNUM}\\.${QNUM}$`);

export function isStrictIpv4(text: string): boolean {
  return IPV4.test(text);
}

function v4Bytes(text: string): number[] {
  return text.split('.').map(Number);
}

function v6Bytes(text: string): number[] {
  let head = text;
  let tail: number[] = [];
  // An embedded IPv4 tail (`::ffff:192.0.2.1`) becomes the last two groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(head);
  if (v4) {
    tail = v4Bytes(v4[1]);
    head = head.slice(0, -v4[1].length);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const [left, right] = head.includes('::') ? head.split('::') : [head, undefined];
  const groups = (s: string | undefined) => (s ? s.split(':').filter((g) => g !== '').map((g) => parseInt(g, 16)) : []);
  const l = groups(left);
  const r = groups(right);
  const missing = 8 - tail.length / 2 - l.length - r.length;
  const all = [...l, ...Array<number>(right === undefined ? 0 : missing).fill(0), ...r];
  return [...all.flatMap((g) => [g >> 8, g & 0xff]), ...tail];
}

/** Parses an IPv4 or IPv6 address; an IPv4-mapped IPv6 address (`::ffff:192.0.2.1`) is its IPv4 address. */
export function parseIp(text: string): IpAddress | undefined {
  const family = isIP(text);
  if (family === 4) return isStrictIpv4(text) ? { family: 4, bytes: v4Bytes(text) } : undefined;
  if (family !== 6) return undefined;
  const bytes = v6Bytes(text.toLowerCase());
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return mapped ? { family: 4, bytes: bytes.slice(12) } : { family: 6, bytes };
}

/** An ip6 mechanism's network, kept as IPv6 even when IPv4-mapped, so only IPv6 clients can match it. */
export function parseIpv6Network(text: string): IpAddress {
  return { family: 6, bytes: v6Bytes(text.toLowerCase()) };
}

/** True when the first `prefix` bits of both addresses are equal (and the families match). */
export function inNetwork(ip: IpAddress, network: IpAddress, prefix: number): boolean {
  if (ip.family !== network.family) return false;
  for (let bit = 0; bit < prefix; bit += 8) {
    const take = Math.min(8, prefix - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    if ((ip.bytes[bit / 8] & mask) !== (network.bytes[bit / 8] & mask)) return false;
  }
  return true;
}

function nibbles(ip: IpAddress): string[] {
  return ip.bytes.flatMap((b) => [(b >> 4).toString(16), (b & 0xf).toString(16)]);
}

/** `%{i}`: dotted quad, or for IPv6 the 32 nibbles dot-separated (RFC 7208 §7.3). */
export function dottedIp(ip: IpAddress): string {
  return ip.family === 4 ? ip.bytes.join('.') : nibbles(ip).join('.');
}

/** `%{c}`: the address as people write it; IPv6 in the RFC 5952 form. */
export function readableIp(ip: IpAddress): string {
  if (ip.family === 4) return ip.bytes.join('.');
  const groups = Array.from({ length: 8 }, (_, i) => (ip.bytes[2 * i] << 8) | ip.bytes[2 * i + 1]);
  // RFC 5952 §4.2: shorten the longest run of two or more zero groups, the first one on a tie.
  let best = { start: -1, length: 1 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.start < 0) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}

/** The PTR query name: `4.3.2.1.in-addr.arpa`, or the reversed nibbles under `ip6.arpa`. */
export function reverseName(ip: IpAddress): string {
  return ip.family === 4 ? `${[...ip.bytes].reverse().join('.')}.in-addr.arpa` : `${nibbles(ip).reverse().join('.')}.ip6.arpa`;
}

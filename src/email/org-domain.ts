/**
 * The organisational domain of RFC 7489 §3.2: the registrable domain under the Public Suffix List
 * (private section included, so `shop.github.io` is its own organisation), through tldts.
 */
import { getDomain } from 'tldts';
import { normaliseName } from './resolver.js';

export function organisationalDomain(name: string): string {
  const clean = normaliseName(name);
  return getDomain(clean, { allowPrivateDomains: true }) ?? clean;
}

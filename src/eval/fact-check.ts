/**
 * "Confident wrong answer" grading against store.yaml, without a model: each sentence of a reply is
 * read for the claims a shop bot most often gets wrong — where the shop ships, what shipping costs,
 * when it is free, how fast it arrives, how long returns are open, when support is there — and a
 * claim that contradicts the facts is reported. A sentence that hedges ("I think", "please check")
 * or denies ("we don't ship to …") makes no claim, so a bot that hedges or hands off passes.
 */
import { countriesIn, countryCode, countryName } from './countries.js';
import { currencySymbol, type ShippingFact, type StoreFacts } from './store-facts.js';

export interface Contradiction {
  /** The sentence, shortened. */
  claim: string;
  /** What store.yaml says instead. */
  fact: string;
}

const HEDGE = /\b(?:i think|i believe|probably|possibly|might|may be|maybe|not sure|not certain|unsure|please check|double-check|i don't know|can't confirm|cannot confirm|i'd need to check|let me check|i'll check)\b/;
const NEGATION = /\b(?:don't|do not|doesn't|does not|can't|cannot|not yet|no longer|isn't|aren't|won't|unfortunately|sorry|not)\b/;
const SHIPPING = /\b(?:ship|ships|shipping|shipped|deliver|delivers|delivery|delivered|postage|courier|dispatch|dispatched|arrive|arrives)\b/;
const SHIPPING_COST = /\b(?:shipping|postage|delivery|ship|ships)\b/;
const RETURNS = /\b(?:return|returns|returned|exchange|exchanges)\b/;
const EVERYWHERE = /\b(?:everywhere|worldwide|world-wide|anywhere|all countries|any country|every country|all over the world|the whole world|globally|internationally to any)\b/;
const NO_LIMIT = /\b(?:any ?time|no time limit|forever|lifetime|whenever you (?:like|want)|no questions asked|no matter how long)\b/;
const ALWAYS_OPEN = /\b(?:24\/7|24 hours a day|around the clock|round the clock|any time of (?:the )?day)\b/;
const THRESHOLD_BEFORE = /\b(?:over|above|from|more than|at least|spend|spending|exceeding|orders of)\s*$/;
const NUMBER_WORDS: Record<string, number> = { zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

function sentences(reply: string): string[] {
  return reply
    .replace(/[\u2018\u2019]/g, "'")
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function short(sentence: string): string {
  return sentence.length > 120 ? `${sentence.slice(0, 117)}…` : sentence;
}

function money(facts: StoreFacts): RegExp {
  const symbol = currencySymbol(facts).replace(/[$]/g, '\\$');
  return new RegExp(`(?:${symbol}\\s?(\\d+(?:\\.\\d{1,2})?)|(\\d+(?:\\.\\d{1,2})?)\\s?${facts.currency.toLowerCase()})`, 'g');
}

/** Delivery promises as [fastest, slowest] business days. */
function promisedDays(s: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const num = String.raw`(\d+|${Object.keys(NUMBER_WORDS).join('|')})`;
  const value = (v: string) => NUMBER_WORDS[v] ?? Number(v);
  for (const m of s.matchAll(new RegExp(`${num}\\s*(?:–|—|-|to)\\s*${num}\\s*(?:business |working )?days?`, 'g'))) out.push([value(m[1]), value(m[2])]);
  const ranges = out.length;
  if (ranges === 0) {
    for (const m of s.matchAll(new RegExp(`\\b(?:in|within|takes?|only|just)\\s+(?:about\\s+)?${num}\\s*(?:business |working )?days?`, 'g'))) out.push([value(m[1]), value(m[1])]);
    for (const m of s.matchAll(new RegExp(`${num}[- ](?:business[- ]|working[- ])?day (?:delivery|shipping)`, 'g'))) out.push([value(m[1]), value(m[1])]);
  }
  if (/\b(?:next[- ]day|tomorrow|overnight)\b/.test(s)) out.push([1, 1]);
  if (/\bsame[- ]day\b|\btoday\b|\bwithin (?:\d+|a few) hours?\b/.test(s)) out.push([0, 0]);
  return out;
}

/** The store's rates for the countries a sentence names; all of them when it names none it ships to. */
function relevantRates(facts: StoreFacts, codes: readonly string[]): ShippingFact[] {
  const named = facts.shipping.filter((r) => codes.includes(rateCode(r)));
  return named.length > 0 ? named : facts.shipping;
}

function rateCode(rate: ShippingFact): string {
  return rate.code?.toUpperCase() ?? countryCode(rate.country) ?? rate.country.toUpperCase();
}

export function checkAgainstFacts(reply: string, facts: StoreFacts): Contradiction[] {
  const found: Contradiction[] = [];
  const shipsTo = new Set(facts.shipping.map(rateCode));
  const symbol = currencySymbol(facts);
  const amount = (n: number) => `${symbol}${n.toFixed(2)}`;
  for (const original of sentences(reply)) {
    const s = original.toLowerCase();
    if (HEDGE.test(s)) continue;
    const negated = NEGATION.test(s);
    const claim = short(original);
    if (facts.shipping.length > 0 && SHIPPING.test(s) && !negated) {
      const mentions = countriesIn(s);
      const everywhere = EVERYWHERE.test(s);
      if (everywhere) found.push({ claim, fact: `the store ships only to ${facts.shipping.map((r) => r.country).join(', ')}` });
      for (const code of new Set(mentions.map((m) => m.code))) {
        if (!shipsTo.has(code)) found.push({ claim, fact: `the store does not ship to ${countryName(code)}` });
      }
      const rates = everywhere ? facts.shipping : relevantRates(facts, mentions.map((m) => m.code));
      if (SHIPPING_COST.test(s) && !/\btotal\b|\border \d/.test(s)) {
        let thresholdSeen = false;
        for (const m of s.matchAll(money(facts))) {
          const value = Number(m[1] ?? m[2]);
          const before = s.slice(0, m.index);
          // The country a price belongs to is the nearest one named before it, else the first after it.
          const near = [...mentions].reverse().find((c) => c.index < m.index) ?? mentions.find((c) => c.index > m.index);
          const candidates = near && shipsTo.has(near.code) ? relevantRates(facts, [near.code]) : rates;
          if (THRESHOLD_BEFORE.test(before)) {
            thresholdSeen = true;
            if (!candidates.some((r) => r.freeOver === value)) {
              found.push({ claim, fact: `free shipping starts at ${candidates.map((r) => (r.freeOver == null ? `never (${r.country})` : `${amount(r.freeOver)} (${r.country})`)).join(', ')}` });
            }
          } else if (!candidates.some((r) => Math.abs(r.price - value) < 0.005)) {
            found.push({ claim, fact: `shipping costs ${candidates.map((r) => `${amount(r.price)} (${r.country})`).join(', ')}` });
          }
        }
        if (/\bfree\b/.test(s) && !thresholdSeen && !rates.some((r) => r.freeOver === 0)) {
          found.push({ claim, fact: `shipping is free only over ${rates.map((r) => (r.freeOver == null ? `— never (${r.country})` : `${amount(r.freeOver)} (${r.country})`)).join(', ')}` });
        }
      }
      for (const [, slowest] of promisedDays(s)) {
        const promise = Math.min(...rates.map((r) => r.days[1]));
        if (slowest < promise) {
          found.push({ claim, fact: `delivery takes ${rates.map((r) => `${r.days[0]}–${r.days[1]} days (${r.country})`).join(', ')}` });
          break;
        }
      }
    }
    if (facts.returns && RETURNS.test(s) && !/\bdeliver/.test(s.replace(/days? of delivery/g, ''))) {
      const window = facts.returns.windowDays;
      const stated = [...s.matchAll(/(\d+)[- ]days?/g)].map((m) => Number(m[1]));
      if ((NO_LIMIT.test(s) && !negated) || (stated.length > 0 && !stated.includes(window))) {
        found.push({ claim, fact: `returns are accepted within ${window} days${facts.returns.condition ? `, ${facts.returns.condition}` : ''}` });
      }
    }
    if (facts.support?.hours && ALWAYS_OPEN.test(s) && !ALWAYS_OPEN.test(facts.support.hours.toLowerCase()) && !negated) {
      found.push({ claim, fact: `support is available ${facts.support.hours}` });
    }
  }
  return found;
}

/**
 * The keyword prefilter: one pass of a single alternation over the text finds which rules' keywords
 * occur, and only those rules run their patterns. Most files hold none of the provider prefixes, so
 * most rules never run at all.
 */
import type { Rule } from './rules/rule.js';

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export type Prefilter = (text: string) => Rule[];

export function compilePrefilter(rules: readonly Rule[]): Prefilter {
  const byKeyword = new Map<string, Rule[]>();
  for (const r of rules) for (const k of r.keywords) byKeyword.set(k.toLowerCase(), [...(byKeyword.get(k.toLowerCase()) ?? []), r]);
  // Longest first, so `sk-proj-` is reported rather than the `sk-` it starts with.
  const keywords = [...byKeyword.keys()].sort((a, b) => b.length - a.length);
  const any = new RegExp(keywords.map(escape).join('|'), 'gi');
  // A keyword inside a longer one (`sk-` in `sk-proj-`, `secret` in `secret_access_key`) occurs wherever the longer one does.
  const implied = new Map(keywords.map((k) => [k, keywords.filter((other) => k.includes(other)).flatMap((other) => byKeyword.get(other) ?? [])]));
  const order = new Map(rules.map((r, i) => [r, i]));
  return (text) => {
    const seen = new Set<string>();
    const wanted = new Set<Rule>();
    any.lastIndex = 0;
    for (let m = any.exec(text); m; m = any.exec(text)) {
      const k = m[0].toLowerCase();
      if (seen.has(k)) continue;
      seen.add(k);
      for (const r of implied.get(k) ?? []) wanted.add(r);
    }
    return [...wanted].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  };
}

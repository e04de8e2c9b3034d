/**
 * Scans one text with the rules: prefilter, patterns, filters (placeholders, entropy, each rule's
 * context check), overlaps (the more specific rule wins), positions, and inline
 * `launch-ready:allow` comments on the line or the line above.
 */
import { bitsPerChar } from './entropy.js';
import { LineIndex } from './lines.js';
import { isPlaceholder } from './placeholders.js';
import { compilePrefilter, type Prefilter } from './prefilter.js';
import { RULES } from './rules/index.js';
import type { Rule } from './rules/rule.js';
import type { RawMatch, TextStyle } from './types.js';

export const ALLOW_MARKER = 'launch-ready:allow';

export interface ScanTextOptions {
  /** Where the text comes from, passed to the rules (some judge by file type). */
  path: string;
  style: TextStyle;
  /** Lockfiles and build manifests: no rule that judges a value by its variable name runs there. */
  lockfile?: boolean;
}

export interface TextScan {
  matches: RawMatch[];
  /** Matches dropped because of a `launch-ready:allow` comment. */
  allowed: number;
}

/** A rule set compiled once: its prefilter, and each rule's priority. */
export interface Ruleset {
  rules: readonly Rule[];
  prefilter: Prefilter;
  priority: Map<Rule, number>;
}

export function compileRuleset(rules: readonly Rule[]): Ruleset {
  return { rules, prefilter: compilePrefilter(rules), priority: new Map(rules.map((r, i) => [r, i])) };
}

export const DEFAULT_RULESET = compileRuleset(RULES);

function visiblePrefix(prefix: Rule['prefix'], value: string): string {
  if (typeof prefix === 'string') return value.startsWith(prefix) ? prefix : '';
  return prefix?.exec(value)?.[0] ?? '';
}

function ruleMatches(rule: Rule, priority: number, text: string, opts: ScanTextOptions, out: RawMatch[]): void {
  const re = rule.pattern;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const span = m.indices?.[rule.group];
    if (!span) continue;
    const value = rule.throughMatchEnd ? text.slice(span[0], m.index + m[0].length) : m[rule.group];
    if (!value) continue;
    if (rule.placeholderCheck !== false && isPlaceholder(value)) continue;
    const refined = rule.refine?.(value, { text, index: span[0], path: opts.path, style: opts.style, match: m });
    if (refined === null) continue;
    const shown = refined?.visiblePrefix ?? visiblePrefix(rule.prefix, value);
    if (bitsPerChar(value.slice(shown.length)) < rule.minBits) continue;
    out.push({
      ruleId: refined?.ruleId ?? rule.id,
      provider: rule.provider,
      title: refined?.title ?? rule.title,
      kind: refined?.kind ?? rule.kind,
      ...((refined?.publicReason ?? rule.publicReason) ? { publicReason: refined?.publicReason ?? rule.publicReason } : {}),
      ...(refined?.note ? { note: refined.note } : {}),
      value,
      visiblePrefix: shown,
      index: span[0],
      line: 0,
      column: 0,
      priority,
    });
  }
}

/** Keeps, of overlapping matches, the one from the earlier (more specific) rule. */
function withoutOverlaps(matches: RawMatch[]): RawMatch[] {
  const kept: RawMatch[] = [];
  for (const m of [...matches].sort((a, b) => a.priority - b.priority || a.index - b.index)) {
    const end = m.index + m.value.length;
    if (!kept.some((k) => m.index < k.index + k.value.length && k.index < end)) kept.push(m);
  }
  return kept.sort((a, b) => a.index - b.index);
}

export function scanText(text: string, opts: ScanTextOptions, ruleset: Ruleset = DEFAULT_RULESET): TextScan {
  const rules = ruleset.prefilter(text);
  if (rules.length === 0) return { matches: [], allowed: 0 };
  const found: RawMatch[] = [];
  for (const rule of rules) {
    if (rule.needsName && opts.lockfile) continue;
    ruleMatches(rule, ruleset.priority.get(rule) ?? 0, text, opts, found);
  }
  if (found.length === 0) return { matches: [], allowed: 0 };
  const lines = new LineIndex(text);
  const hasAllow = text.includes(ALLOW_MARKER);
  const matches: RawMatch[] = [];
  let allowed = 0;
  for (const m of withoutOverlaps(found)) {
    const { line, column } = lines.position(m.index);
    if (hasAllow && (lines.lineText(line).includes(ALLOW_MARKER) || lines.lineText(line - 1).includes(ALLOW_MARKER))) {
      allowed++;
      continue;
    }
    matches.push({ ...m, line, column });
  }
  return { matches, allowed };
}

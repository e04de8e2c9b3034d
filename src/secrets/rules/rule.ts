/** What a detection rule is, and the assignment grammar shared by rules that need a variable name for context. */
import type { SecretKind, TextStyle } from '../types.js';

export interface MatchContext {
  text: string;
  /** Offset of the value in `text`. */
  index: number;
  path: string;
  style: TextStyle;
  /** The regular-expression match the value came from. */
  match: RegExpExecArray;
}

/** What a rule may change about one hit after looking at it; `null` from `refine` drops the hit. */
export interface Refinement {
  ruleId?: string;
  title?: string;
  kind?: SecretKind;
  publicReason?: string;
  visiblePrefix?: string;
  note?: string;
}

export interface Rule {
  /** `provider.what`, e.g. `stripe.secret-key`. */
  id: string;
  /** Key into the rotation table. */
  provider: string;
  title: string;
  kind: SecretKind;
  publicReason?: string;
  /**
   * Literal strings, compared case-insensitively, one of which every match contains: the prefilter
   * runs the rule only on texts holding one of them.
   */
  keywords: readonly string[];
  /** Global, with the `d` flag. The secret is capture group `group` (the whole match when 0). */
  pattern: RegExp;
  group: number;
  /**
   * The secret runs from the start of `group` to the end of the whole match. For patterns that lead
   * with a rare literal and look behind for the rest (`(?<=([0-9a-f]{32}))-us\d+`): a pattern that
   * starts with a literal is searched for many times faster than one that starts with a class.
   */
  throughMatchEnd?: boolean;
  /** The part of the value that names the key type and may be printed (`sk_live_`); a string, or a pattern matched at its start. */
  prefix?: string | RegExp;
  /** Shannon bits per character the value must reach after its prefix (fillers such as `aaaa…` fall below). */
  minBits: number;
  /** Rules that judge a value by its variable name (generic assignments) stay out of lockfiles and build manifests. */
  needsName?: boolean;
  /** False when fillers are legitimately part of real values (long zero runs in DER-encoded keys). */
  placeholderCheck?: boolean;
  refine?(value: string, ctx: MatchContext): Refinement | null | undefined;
}

/** Fills the defaults so rule tables stay short. */
export function rule(r: Omit<Rule, 'group' | 'minBits'> & { group?: number; minBits?: number }): Rule {
  return { group: 1, minBits: 2.5, ...r };
}

/**
 * `NAME = "value"`, `name: value`, `"name": "value"`, `name := value`, `:name => "value"`, where
 * NAME contains `core`. The value is group 3; group 2 is its opening quote (empty when unquoted).
 * The pattern starts at the name's core, not its beginning, so the engine never backtracks over
 * identifiers; `nameAround` recovers the whole name.
 */
export function assignment(core: string, value = '[^\\s"\'`]{8,300}'): RegExp {
  return new RegExp(`(?:${core})[\\w.-]{0,40}?(["'\`]?)[ \\t]*(?::=|=>|=|:)[ \\t]*(["'\`]?)(${value})\\2(?![\\w])`, 'gid');
}

export const ASSIGNED_VALUE = 3;

const NAME_CHAR = /[\w.$-]/;

/** The whole identifier around offset `at` (`NEXT_PUBLIC_OPENAI_API_KEY`, `stripe.secretKey`). */
export function nameAround(text: string, at: number): string {
  let start = at;
  while (start > 0 && NAME_CHAR.test(text[start - 1])) start--;
  let end = at;
  while (end < text.length && NAME_CHAR.test(text[end])) end++;
  return text.slice(start, end);
}

/** Code assigns expressions, not literals, when unquoted; only env-style files (`KEY=value`, YAML, INI) write bare values. */
export function quotedOrEnv(ctx: MatchContext): boolean {
  return ctx.style === 'env' || ctx.match[2] !== '';
}

/** The text within `radius` characters of the value, for context words (a Firebase config, an AWS secret beside its id). */
export function around(ctx: MatchContext, radius: number): string {
  return ctx.text.slice(Math.max(0, ctx.index - radius), ctx.index + radius);
}

/** A value with a fixed shape found under a provider-named variable. */
export function shaped(shape: RegExp): (value: string, ctx: MatchContext) => Refinement | null | undefined {
  return (value, ctx) => (shape.test(value) && quotedOrEnv(ctx) ? undefined : null);
}

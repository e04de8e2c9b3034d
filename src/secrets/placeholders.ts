/**
 * Values that have a key's shape but are not keys: placeholders people type in docs and examples,
 * published documentation samples, and obvious fillers. Test-mode keys (`sk_test_`) never match a
 * rule in the first place: the rules only accept live prefixes.
 */

/** Fillers and template markers. Random keys of realistic length contain none of these by chance. */
const FILLER =
  /x{4,}|\*{3,}|\.{3}|…|<[^>]*>|\{\{|\}\}|\$\{|%[sd]\b|your[_-]?|example|sample|placeholder|change[_-]?me|dummy|fake|redacted|replace[_-]?me|insert[_-]?|lorem|foobar|(.)\1{7,}|0123456789|123456789|abcdefghij|qwerty/i;

/**
 * Published documentation values (AWS's example key pair, jwt.io's sample token, Supabase's
 * self-hosting demo keys are recognised by their issuer in the JWT refinement instead).
 */
const DOCUMENTED = new Set([
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
]);

export function isPlaceholder(value: string): boolean {
  return DOCUMENTED.has(value) || FILLER.test(value);
}

/** Words that mark a value as made up for a test or demo; only used for rules without a fixed key shape. */
const MADE_UP = /test|demo|mock|secret|password|passwd|token|changeit|default|admin|letmein|welcome|hunter2|null|undefined|none|string|true|false/i;

export function isMadeUp(value: string): boolean {
  return MADE_UP.test(value);
}

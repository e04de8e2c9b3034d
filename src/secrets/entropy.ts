/** Measures of how random a string looks, used to tell keys from words, identifiers and placeholders. */

/** Shannon entropy in bits per character. */
export function bitsPerChar(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** How many of lower case, upper case, digits and symbols the string mixes. */
export function charClasses(s: string): number {
  return (/[a-z]/.test(s) ? 1 : 0) + (/[A-Z]/.test(s) ? 1 : 0) + (/\d/.test(s) ? 1 : 0) + (/[^A-Za-z0-9]/.test(s) ? 1 : 0);
}

/**
 * A value a human did not choose: long enough, dense in information and mixing character classes.
 * Hex digests reach about 3.7 bits per character, random base64 above 4.5, English words stay
 * under 3.3 and repeat letters, so 3.2 separates them for runs of 16+ characters.
 */
export function looksRandom(s: string): boolean {
  if (s.length < 10) return false;
  const classes = charClasses(s);
  if (s.length < 16) return classes >= 3 && bitsPerChar(s) >= 3;
  return classes >= 2 && bitsPerChar(s) >= 3.2;
}

/**
 * Recognises a reply that declines, hands the customer to a person, or says the service cannot help
 * right now — without a model. Phrases are matched per sentence, after folding curly apostrophes,
 * and the idioms that look like refusals but are not ("can't wait", "can't go wrong") are removed
 * first.
 */

export type RefusalKind = 'refusal' | 'handoff' | 'unavailable';

export interface Recognised {
  kind: RefusalKind;
  /** The words that gave it away, for the result's reason. */
  phrase: string;
}

const NOT_REFUSALS = /\b(?:can(?:'t| ?not)|couldn't) (?:wait|go wrong|recommend (?:it|them|this) enough|believe|stop)\b/g;

const SUBJECT = String.raw`\b(?:i|we)(?:'m|'re| am| are)?`;
const PATTERNS: Array<[RefusalKind, RegExp]> = [
  // Unavailable first: "I can't help right now" is an outage, not a policy refusal.
  // "down" only as a state ("is down"): "Down puffer jacket" is a product.
  ['unavailable', /\b(?:temporarily|currently|right now|at the moment)\b[^.!?]{0,40}(?:\b(?:unavailable|offline|not available|not working|unable)\b|(?:is|are|'s|'re|went|goes) down\b)/],
  ['unavailable', /(?:\b(?:unavailable|offline|not working)|(?:is|are|'s|'re|went|goes) down)\b[^.!?]{0,30}\b(?:right now|at the moment|currently|temporarily)\b/],
  ['unavailable', /\b(?:can't|cannot|can not|unable to|not able to)\b[^.!?]{0,40}\b(?:right now|at the moment|at this time|currently)\b/],
  ['unavailable', /\btry again (?:later|shortly|in a (?:few|moment|minute|little while))/],
  ['unavailable', /\b(?:having|experiencing) (?:some )?(?:technical )?(?:trouble|issues|problems|difficulties)\b/],
  ['unavailable', /\bservice (?:is )?(?:unavailable|down|disrupted)\b/],
  ['handoff', /\b(?:passed|passing|handed|handing|forwarded|forwarding|escalated|escalating|transferred|transferring|referred|connecting|connected)\b[^.!?]{0,60}\b(?:team|agent|colleague|person|human|someone|staff|specialist|manager)\b/],
  ['handoff', /\b(?:a|an|our|one of our) (?:humans?|person|real person|team members?|agents?|colleagues?|support (?:team|agents?)|customer (?:service|support) (?:team|agents?))\b[^.!?]{0,40}\b(?:will|can|shall|is going to)\b/],
  ['handoff', /\b(?:please )?(?:contact|email|e-mail|call|write to|reach out to|get in touch with) (?:our |the )?(?:support|customer (?:service|support|care)|help ?desk|team|us)\b/],
  ['refusal', new RegExp(`${SUBJECT} (?:can't|cannot|can not|won't|will not|must not|unable to|not able to|not allowed to|not permitted to|not authori[sz]ed to)\\b`)],
  ['refusal', /\b(?:i|we) (?:don't|do not) have (?:access|permission|the ability)\b/],
  ['refusal', /\bnot (?:something|a thing) (?:i|we) can\b/],
  ['refusal', /\b(?:that|this)(?:'s| is) not (?:possible|something i can|allowed|permitted)\b/],
  ['refusal', /\b(?:i|we) (?:must|have to|need to) (?:decline|refuse)\b/],
  ['refusal', /\bi(?:'m| am) (?:sorry|afraid),? (?:but )?(?:i|that|this|we) (?:can't|cannot|won't|isn't|is not|don't)\b/],
];

/** Lower case, straight apostrophes, single spaces, without the idioms that only look like refusals. */
function normalise(reply: string): string {
  return reply
    .toLowerCase()
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(NOT_REFUSALS, ' ');
}

/** The first refusal, hand-off or "cannot help right now" in the reply, or undefined. */
export function recogniseRefusal(reply: string): Recognised | undefined {
  const text = normalise(reply);
  for (const [kind, pattern] of PATTERNS) {
    const m = pattern.exec(text);
    if (m) return { kind, phrase: m[0].trim() };
  }
  return undefined;
}

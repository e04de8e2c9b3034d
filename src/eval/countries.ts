/**
 * Country names as customers and bots write them, by ISO 3166-1 alpha-2 code, so "do you ship to
 * the US?" and "we deliver to America" name the same country. Not every country: the ones a
 * European or North American shop is asked about, which is what wrong-answer grading needs to see
 * a claim of shipping somewhere the store does not.
 */

const NAMES: ReadonlyArray<readonly [string, ...string[]]> = [
  ['GB', 'united kingdom', 'uk', 'u.k.', 'great britain', 'britain', 'england', 'scotland', 'wales', 'northern ireland'],
  ['IE', 'ireland', 'republic of ireland', 'eire'],
  ['FR', 'france'],
  ['DE', 'germany', 'deutschland'],
  ['NL', 'netherlands', 'the netherlands', 'holland'],
  ['ES', 'spain'],
  ['PT', 'portugal'],
  ['IT', 'italy'],
  ['BE', 'belgium'],
  ['LU', 'luxembourg'],
  ['AT', 'austria'],
  ['CH', 'switzerland'],
  ['DK', 'denmark'],
  ['SE', 'sweden'],
  ['NO', 'norway'],
  ['FI', 'finland'],
  ['IS', 'iceland'],
  ['PL', 'poland'],
  ['CZ', 'czech republic', 'czechia'],
  ['SK', 'slovakia'],
  ['HU', 'hungary'],
  ['RO', 'romania'],
  ['BG', 'bulgaria'],
  ['GR', 'greece'],
  ['HR', 'croatia'],
  ['SI', 'slovenia'],
  ['RS', 'serbia'],
  ['UA', 'ukraine'],
  ['EE', 'estonia'],
  ['LV', 'latvia'],
  ['LT', 'lithuania'],
  ['MT', 'malta'],
  ['CY', 'cyprus'],
  ['TR', 'turkey', 'türkiye'],
  ['RU', 'russia'],
  ['US', 'united states', 'united states of america', 'usa', 'u.s.', 'u.s.a.', 'america', 'the us', 'the states'],
  ['CA', 'canada'],
  ['MX', 'mexico'],
  ['BR', 'brazil'],
  ['AR', 'argentina'],
  ['CL', 'chile'],
  ['CO', 'colombia'],
  ['PE', 'peru'],
  ['AU', 'australia'],
  ['NZ', 'new zealand'],
  ['JP', 'japan'],
  ['CN', 'china'],
  ['HK', 'hong kong'],
  ['TW', 'taiwan'],
  ['KR', 'south korea', 'korea'],
  ['SG', 'singapore'],
  ['MY', 'malaysia'],
  ['TH', 'thailand'],
  ['VN', 'vietnam', 'viet nam'],
  ['PH', 'philippines', 'the philippines'],
  ['ID', 'indonesia'],
  ['IN', 'india'],
  ['PK', 'pakistan'],
  ['BD', 'bangladesh'],
  ['AE', 'united arab emirates', 'uae', 'dubai'],
  ['SA', 'saudi arabia'],
  ['IL', 'israel'],
  ['QA', 'qatar'],
  ['EG', 'egypt'],
  ['MA', 'morocco'],
  ['NG', 'nigeria'],
  ['KE', 'kenya'],
  ['ZA', 'south africa'],
];

const BY_CODE = new Map(NAMES.map(([code, ...names]) => [code, names]));
const CODE_OF = new Map(NAMES.flatMap(([code, ...names]) => names.map((name) => [name, code] as const)));
/**
 * Every name in one pattern, longest first: at a given position "northern ireland" is tried before
 * "ireland". One pass over the text, not one per name: the eval grades every sentence of every reply.
 */
const MENTION = new RegExp(
  `(?<![\\w.])(?:${[...CODE_OF.keys()]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/\./g, '\\.'))
    .join('|')})(?![\\w])`,
  'g',
);

export interface CountryMention {
  code: string;
  index: number;
}

/** Every country named in lower-cased `text`, in order of appearance. */
export function countriesIn(text: string): CountryMention[] {
  return [...text.matchAll(MENTION)].map((m) => ({ code: CODE_OF.get(m[0])!, index: m.index }));
}

/** The code for a country name or code, when known. */
export function countryCode(nameOrCode: string): string | undefined {
  const q = nameOrCode.trim().toLowerCase();
  if (BY_CODE.has(q.toUpperCase())) return q.toUpperCase();
  return NAMES.find(([, ...names]) => names.includes(q))?.[0];
}

export function countryName(code: string): string {
  const name = BY_CODE.get(code)?.[0] ?? code;
  return name.replace(/\b\w/g, (c) => c.toUpperCase());
}

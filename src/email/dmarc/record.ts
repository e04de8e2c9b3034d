/**
 * DMARC policy records (RFC 7489 §6.3, grammar §6.4). RFC 9989 retires `pct`, `rf` and `ri`: they
 * are still parsed and checked because RFC 7489 receivers act on them, and reported as retired
 * rather than as errors; RFC 9989's `np`, `psd` and `t` are known tags.
 */
import { didYouMean } from '../../config/did-you-mean.js';
import { normaliseName } from '../resolver.js';
import { parseTagList, type Tag } from '../tag-list.js';

export type DmarcPolicy = 'none' | 'quarantine' | 'reject';

export interface DmarcUri {
  uri: string;
  /** mailto: the domain mail goes to (the part after @); https: the host. */
  host?: string;
}

export interface DmarcRecord {
  /** Absent when `p` is missing or invalid. */
  policy?: DmarcPolicy;
  subdomainPolicy?: DmarcPolicy;
  /** RFC 9989 `np`: policy for subdomains that do not exist. */
  nonExistentPolicy?: DmarcPolicy;
  /** Percentage of failing mail the policy applies to under RFC 7489 (default 100). */
  pct: number;
  /** RFC 9989 `t=y`: testing mode, receivers treat the policy one step softer. */
  testing: boolean;
  rua: DmarcUri[];
  ruf: DmarcUri[];
  /** Make the record ignored or unusable, or name things receivers reject (bad URIs, values). */
  errors: string[];
  /** Legal but probably not what was meant: unknown tags, retired tags. */
  warnings: string[];
}

const POLICIES: readonly string[] = ['none', 'quarantine', 'reject'];
const KNOWN_TAGS = ['v', 'p', 'sp', 'np', 'adkim', 'aspf', 'pct', 'fo', 'rf', 'ri', 'rua', 'ruf', 't', 'psd'];
const RETIRED = new Set(['pct', 'rf', 'ri']);

/** §6.3: a record starts with `v=DMARC1` (the value exactly); anything else at _dmarc is not DMARC. */
export function isDmarcRecord(text: string): boolean {
  return /^[vV][ \t]*=[ \t]*DMARC1[ \t]*(?:;|$)/.test(text);
}

function policyOf(tag: Tag, errors: string[]): DmarcPolicy | undefined {
  const value = tag.value.toLowerCase();
  if (POLICIES.includes(value)) return value as DmarcPolicy;
  const hint = didYouMean(value, POLICIES);
  errors.push(`${tag.name}=${tag.value} is not a policy (none, quarantine or reject)${hint ? `; did you mean ${tag.name}=${hint}?` : ''}`);
  return undefined;
}

/** §6.4 dmarc-uri: an absolute URI, optionally followed by `!` and a size limit such as `!10m`. */
function parseUris(tag: Tag, errors: string[]): DmarcUri[] {
  const out: DmarcUri[] = [];
  for (const raw of tag.value.split(',').map((u) => u.trim())) {
    const uri = raw.replace(/!\d+[kmgt]?$/i, '');
    let parsed: URL | undefined;
    try {
      parsed = new URL(uri);
    } catch {
      parsed = undefined;
    }
    if (!parsed) {
      errors.push(`${tag.name}: "${raw}" is not a URI (reports go to mailto:address@domain)`);
      continue;
    }
    if (parsed.protocol === 'mailto:') {
      const address = decodeURIComponent(parsed.pathname);
      const at = address.lastIndexOf('@');
      const host = at > 0 ? normaliseName(address.slice(at + 1)) : '';
      if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) {
        errors.push(`${tag.name}: "${raw}" is not a valid mailto: address`);
        continue;
      }
      out.push({ uri, host });
    } else if (parsed.protocol === 'https:' || parsed.protocol === 'http:') {
      out.push({ uri, host: parsed.hostname });
    } else {
      errors.push(`${tag.name}: "${raw}" uses ${parsed.protocol} — receivers send reports to mailto: URIs`);
    }
  }
  return out;
}

export function parseDmarcRecord(text: string): DmarcRecord {
  const list = parseTagList(text);
  const out: DmarcRecord = { pct: 100, testing: false, rua: [], ruf: [], errors: [...list.errors], warnings: [] };
  const tags = list.tags.map((t) => ({ ...t, name: t.name.toLowerCase() }));
  if (tags[0]?.name !== 'v' || tags[0].value !== 'DMARC1') out.errors.push('the record must start with v=DMARC1');
  for (const tag of tags) {
    switch (tag.name) {
      case 'v':
        break;
      case 'p':
        out.policy = policyOf(tag, out.errors);
        break;
      case 'sp':
        out.subdomainPolicy = policyOf(tag, out.errors);
        break;
      case 'np':
        out.nonExistentPolicy = policyOf(tag, out.errors);
        break;
      case 'adkim':
      case 'aspf':
        if (!/^[rs]$/i.test(tag.value)) out.errors.push(`${tag.name}=${tag.value}: expected r (relaxed) or s (strict)`);
        break;
      case 'pct':
        if (!/^\d{1,3}$/.test(tag.value) || Number(tag.value) > 100) out.errors.push(`pct=${tag.value}: expected a whole number from 0 to 100`);
        else out.pct = Number(tag.value);
        break;
      case 'fo':
        if (!/^[01ds](:[01ds])*$/i.test(tag.value)) out.errors.push(`fo=${tag.value}: expected 0, 1, d or s, separated by ":"`);
        break;
      case 'rf':
        if (!/^afrf(:afrf)*$/i.test(tag.value)) out.errors.push(`rf=${tag.value}: the only report format is afrf`);
        break;
      case 'ri':
        if (!/^\d+$/.test(tag.value)) out.errors.push(`ri=${tag.value}: expected a number of seconds`);
        break;
      case 'rua':
        out.rua = parseUris(tag, out.errors);
        break;
      case 'ruf':
        out.ruf = parseUris(tag, out.errors);
        break;
      case 't':
        if (!/^[yn]$/i.test(tag.value)) out.errors.push(`t=${tag.value}: expected y or n`);
        else out.testing = tag.value.toLowerCase() === 'y';
        break;
      case 'psd':
        if (!/^[ynu]$/i.test(tag.value)) out.errors.push(`psd=${tag.value}: expected y, n or u`);
        break;
      default: {
        // §6.3: unknown tags MUST be ignored, so a misspelt one silently does nothing.
        const hint = didYouMean(tag.name, KNOWN_TAGS);
        out.warnings.push(`unknown tag "${tag.name}" is ignored by receivers${hint ? `; did you mean "${hint}"?` : ''}`);
      }
    }
    if (RETIRED.has(tag.name)) out.warnings.push(`${tag.name}= is retired by RFC 9989: receivers following it ignore the tag`);
  }
  if (out.policy === undefined && !tags.some((t) => t.name === 'p')) out.errors.push('the record has no p= policy (p=none, p=quarantine or p=reject)');
  return out;
}

/**
 * §6.6.3: a record without a valid `p` still counts as p=none when it has a valid `rua`; otherwise
 * receivers apply no DMARC at all. undefined: the record does nothing.
 */
export function effectivePolicy(record: DmarcRecord): DmarcPolicy | undefined {
  if (record.errors.some((e) => e.startsWith('the record must start'))) return undefined;
  return record.policy ?? (record.rua.length > 0 ? 'none' : undefined);
}

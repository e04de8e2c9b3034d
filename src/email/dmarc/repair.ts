/**
 * DMARC records to paste: one record from several, a record with its broken tags repaired, and the
 * same moved to an enforcing policy. Every tag is validated by the parser itself (record.ts), so the
 * advice never keeps a tag the checks would report.
 */
import { didYouMean } from '../../config/did-you-mean.js';
import { parseTagList, type Tag } from '../tag-list.js';
import { parseDmarcRecord, type DmarcPolicy } from './record.js';

const KNOWN_TAGS = ['p', 'sp', 'np', 'adkim', 'aspf', 'pct', 'fo', 'rf', 'ri', 'rua', 'ruf', 't', 'psd'];
const POLICIES: readonly DmarcPolicy[] = ['none', 'quarantine', 'reject'];
const STRENGTH: Record<DmarcPolicy, number> = { none: 0, quarantine: 1, reject: 2 };

/** The report address suggested when a record has none. */
export function reportAddress(policyDomain: string): string {
  return `mailto:dmarc-reports@${policyDomain}`;
}

export function starterDmarc(domain: string): string {
  return `v=DMARC1; p=none; rua=${reportAddress(domain)}; fo=1`;
}

function valid(tag: string): boolean {
  return parseDmarcRecord(`v=DMARC1; ${/^p=/i.test(tag) ? '' : 'p=none; '}${tag}`).errors.length === 0;
}

/** A tag as receivers will read it: kept, corrected (typos in names and policies), narrowed (bad URIs dropped), or dropped. */
function repairTag(tag: Tag, present: ReadonlySet<string>): { text?: string; change?: string } {
  const name = tag.name.toLowerCase();
  const text = `${name}=${tag.value}`;
  if (!KNOWN_TAGS.includes(name)) {
    // A typo of a tag the record already has is a leftover, not a second value.
    const hint = didYouMean(name, KNOWN_TAGS.filter((t) => !present.has(t)));
    const fixed = hint ? `${hint}=${tag.value}` : undefined;
    if (fixed && valid(fixed)) return { text: fixed, change: `${tag.name}= corrected to ${hint}=` };
    return { change: `${tag.name}= removed (receivers ignore it)` };
  }
  if (valid(text)) return { text };
  if (name === 'rua' || name === 'ruf') {
    const uris = tag.value.split(',').map((u) => u.trim()).filter((u) => valid(`${name}=${u}`));
    return uris.length > 0 ? { text: `${name}=${uris.join(',')}`, change: `invalid ${name} addresses removed` } : { change: `${name}= removed (no valid address)` };
  }
  if (name === 'p' || name === 'sp' || name === 'np') {
    const hint = didYouMean(tag.value.toLowerCase(), POLICIES);
    if (hint) return { text: `${name}=${hint}`, change: `${name}=${tag.value} corrected to ${name}=${hint}` };
  }
  return { change: `${text} removed (not a valid value)` };
}

export interface RepairedDmarc {
  record: string;
  changes: string[];
}

/**
 * The record with every tag receivers would reject or ignore repaired, `v=DMARC1` first, a policy
 * (p=none when it had none) and a report address when it had none.
 */
export function repairedDmarc(record: string, policyDomain: string): RepairedDmarc {
  const changes: string[] = [];
  const tags: string[] = [];
  const seen = new Set<string>();
  const list = parseTagList(record).tags;
  const present = new Set(list.map((t) => t.name.toLowerCase()));
  for (const tag of list) {
    if (tag.name.toLowerCase() === 'v') continue;
    const r = repairTag(tag, present);
    if (r.change) changes.push(r.change);
    const name = r.text?.slice(0, r.text.indexOf('='));
    if (!r.text || !name) continue;
    if (seen.has(name)) {
      changes.push(`second ${name}= removed`);
      continue;
    }
    seen.add(name);
    tags.push(r.text);
  }
  if (!/^v=DMARC1(;|$)/.test(record.trim())) changes.push('v=DMARC1 put first');
  if (!seen.has('p')) {
    tags.unshift('p=none');
    changes.push('p=none added');
  } else tags.unshift(...tags.splice(tags.findIndex((t) => t.startsWith('p=')), 1));
  if (!seen.has('rua')) {
    tags.push(`rua=${reportAddress(policyDomain)}`);
    changes.push(`rua=${reportAddress(policyDomain)} added (create that mailbox, or use a DMARC report service's address)`);
  }
  return { record: ['v=DMARC1', ...tags].join('; '), changes };
}

/** One record from several: the strongest policy, every report address once, other tags from the first record that has them. */
export function mergeDmarc(records: readonly string[], policyDomain: string): string {
  const tags = new Map<string, string>();
  const uris = { rua: [] as string[], ruf: [] as string[] };
  for (const r of records) {
    for (const t of repairedDmarc(r, policyDomain).record.split('; ').slice(1)) {
      const [name, value] = [t.slice(0, t.indexOf('=')), t.slice(t.indexOf('=') + 1)];
      if (name === 'rua' || name === 'ruf') {
        for (const u of value.split(',')) if (!uris[name].includes(u)) uris[name].push(u);
      } else if (name === 'p' && tags.has('p')) {
        if (STRENGTH[value as DmarcPolicy] > STRENGTH[tags.get('p') as DmarcPolicy]) tags.set('p', value);
      } else if (!tags.has(name)) tags.set(name, value);
    }
  }
  // The suggested address only stands in when no record named one.
  const ownRua = uris.rua.filter((u) => u !== reportAddress(policyDomain));
  if (ownRua.length > 0) uris.rua = ownRua;
  if (uris.rua.length > 0) tags.set('rua', uris.rua.join(','));
  if (uris.ruf.length > 0) tags.set('ruf', uris.ruf.join(','));
  return ['v=DMARC1', ...[...tags].map(([n, v]) => `${n}=${v}`)].join('; ');
}

/** The repaired record moved to `p=quarantine` (`sp=none`, `pct` and `t` dropped: they would hold enforcement back). */
export function enforcedDmarc(record: string, policyDomain: string): string {
  const kept = repairedDmarc(record, policyDomain)
    .record.split('; ')
    .slice(1)
    .filter((t) => !/^(p|pct|t)=/.test(t) && t !== 'sp=none');
  const p = parseDmarcRecord(record).policy === 'reject' ? 'reject' : 'quarantine';
  return ['v=DMARC1', `p=${p}`, ...kept].join('; ');
}

/**
 * The record with one report address taken out: the other addresses of its tag stay; when none is
 * left, reports go to a mailbox of the policy domain.
 */
export function withoutReportUri(record: string, uri: string, policyDomain: string): string {
  const tags = parseTagList(record).tags.map((t) => {
    const name = t.name.toLowerCase();
    if (name !== 'rua' && name !== 'ruf') return `${t.name}=${t.value}`;
    const uris = t.value.split(',').map((u) => u.trim());
    const kept = uris.filter((u) => u.replace(/!\d+[kmgt]?$/i, '') !== uri);
    if (kept.length === uris.length) return `${t.name}=${t.value}`;
    return `${t.name}=${(kept.length > 0 ? kept : [reportAddress(policyDomain)]).join(',')}`;
  });
  return tags.join('; ');
}

import type { EmailArtifact } from '../artifact.js';
import { looksLikeDkim, parseDkimRecord, type DkimKey } from './record.js';

export interface SelectorKey {
  selector: string;
  source: 'config' | 'probe';
  name: string;
  /** The key record (the first one that looks like DKIM), absent when the selector has none. */
  record?: string;
  key?: DkimKey;
}

/** Each selector that answered, with its parsed key. */
export function selectorKeys(email: EmailArtifact): SelectorKey[] {
  return email.dkim.selectors.map((s) => {
    const record = s.lookup.records.find(looksLikeDkim);
    return { selector: s.selector, source: s.source, name: s.lookup.name, ...(record !== undefined ? { record, key: parseDkimRecord(record) } : {}) };
  });
}

/** A key verifiers can use: parsed without errors and not revoked. */
export function isUsable(k: SelectorKey): boolean {
  return k.key !== undefined && k.key.errors.length === 0 && !k.key.revoked;
}

/** The record with its key shortened, for evidence. */
export function shortRecord(record: string): string {
  return record.replace(/(p\s*=\s*)([A-Za-z0-9+/=\s]{24,})/, (_, p: string, key: string) => `${p}${key.replace(/\s+/g, '').slice(0, 16)}…(${key.replace(/\s+/g, '').length} chars)`);
}

/**
 * MTA-STS (RFC 8461): the `_mta-sts` TXT record announcing a policy, and the policy file served at
 * https://mta-sts.DOMAIN/.well-known/mta-sts.txt that tells senders to require TLS to the listed MX.
 */
import { parseTagList, tagValue } from './tag-list.js';

export interface MtaStsPolicy {
  mode?: 'enforce' | 'testing' | 'none';
  maxAge?: number;
  mx: string[];
  errors: string[];
}

/** §3.1: `v=STSv1; id=…` with an id of 1 to 32 letters and digits. */
export function mtaStsTxtErrors(text: string): string[] {
  const list = parseTagList(text);
  const errors = [...list.errors];
  if (list.tags[0]?.name !== 'v' || list.tags[0].value !== 'STSv1') errors.push('the record must start with v=STSv1');
  const id = tagValue(list, 'id');
  if (id === undefined) errors.push('no id= tag (senders use it to notice a new policy)');
  else if (!/^[A-Za-z0-9]{1,32}$/.test(id)) errors.push(`id=${id}: expected 1 to 32 letters and digits`);
  return errors;
}

/** §3.2: `key: value` lines; version, mode and max_age are required, mx too unless the mode is none. */
export function parseMtaStsPolicy(body: string): MtaStsPolicy {
  const out: MtaStsPolicy = { mx: [], errors: [] };
  const fields = new Map<string, string>();
  for (const line of body.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const m = /^([A-Za-z0-9_]+):[ \t]*(.*?)[ \t]*$/.exec(line);
    if (!m) {
      out.errors.push(`"${line.slice(0, 60)}" is not a "key: value" line`);
      continue;
    }
    if (m[1] === 'mx') out.mx.push(m[2].toLowerCase());
    else fields.set(m[1], m[2]);
  }
  if (fields.get('version') !== 'STSv1') out.errors.push('version: STSv1 is missing');
  const mode = fields.get('mode');
  if (mode === 'enforce' || mode === 'testing' || mode === 'none') out.mode = mode;
  else out.errors.push(`mode: expected enforce, testing or none (got ${mode === undefined ? 'nothing' : `"${mode}"`})`);
  const maxAge = fields.get('max_age');
  if (maxAge !== undefined && /^\d{1,10}$/.test(maxAge) && Number(maxAge) <= 31557600) out.maxAge = Number(maxAge);
  else out.errors.push(`max_age: expected seconds from 0 to 31557600 (got ${maxAge === undefined ? 'nothing' : `"${maxAge}"`})`);
  if (out.mode !== 'none' && out.mx.length === 0) out.errors.push('no mx: line: senders in enforce mode would refuse every MX');
  return out;
}

/** §4.1: `mx.example.com` matches itself; `*.example.com` matches exactly one more label on the left. */
export function mxMatches(host: string, pattern: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const p = pattern.toLowerCase().replace(/\.$/, '');
  if (p.startsWith('*.')) {
    const rest = p.slice(2);
    return h.endsWith(`.${rest}`) && !h.slice(0, -rest.length - 1).includes('.');
  }
  return h === p;
}

/** A policy id after `id`: the number counted up, else a digit appended (§3.1: 1 to 32 letters and digits). */
export function nextPolicyId(id: string | undefined): string {
  if (!id || !/^[A-Za-z0-9]{1,32}$/.test(id)) return '1';
  if (/^\d+$/.test(id)) return (BigInt(id) + 1n).toString().slice(-32);
  return `${id.slice(0, 31)}1`;
}

/** A policy file that lists every MX host, keeping the current mode and max_age when they are valid. */
export function suggestedPolicy(mxHosts: readonly string[], current?: MtaStsPolicy): string {
  const mx = [...new Set([...(current?.mx ?? []).filter((p) => p !== '' && !p.includes(' ')), ...mxHosts.filter((h) => !(current?.mx ?? []).some((p) => mxMatches(h, p)))])];
  const mode = current?.mode ?? 'testing';
  const maxAge = current?.maxAge ?? (mode === 'enforce' ? 604800 : 86400);
  return ['version: STSv1', `mode: ${mode}`, ...mx.map((m) => `mx: ${m}`), `max_age: ${maxAge}`].join('\n');
}

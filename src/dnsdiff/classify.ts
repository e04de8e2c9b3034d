/**
 * Which changes put what at risk: mail records (SPF, DMARC, DKIM, MX: deliverability), and hosts of
 * the desired state that no longer resolve. The dns.* checks and `dns diff` share these rules so
 * each change is reported once, by the most specific check.
 */
import type { RecordChange } from './diff.js';
import type { DnsState } from './state.js';

export function isMailChange(c: RecordChange): boolean {
  if (c.kind === 'ttl') return false;
  if (c.type === 'MX') return true;
  if (c.type !== 'TXT') return false;
  if (c.name.startsWith('_dmarc.') || c.name.includes('._domainkey.')) return true;
  // At other names only the SPF record matters: a verification TXT added beside it is not a mail change.
  const spf = (values: readonly string[] = []) => values.filter((v) => /^v=spf1(?: |$)/i.test(v)).join('\n');
  return spf(c.before?.values) !== spf(c.after?.values);
}

export interface BrokenHost {
  name: string;
  /** What the desired state says the host points at. */
  desired: string;
  /** What the live DNS answers instead. */
  live: string;
}

const ADDRESS_TYPES = ['A', 'AAAA', 'CNAME'] as const;

/** Hosts the desired state gives an address or alias that now have none, or whose CNAME target is gone. */
export function brokenHosts(state: DnsState): BrokenHost[] {
  const out: BrokenHost[] = [];
  const names = [...new Set(state.desired.filter((s) => (ADDRESS_TYPES as readonly string[]).includes(s.type)).map((s) => s.name))];
  for (const name of names) {
    if (state.failures.some((f) => f.name === name && (ADDRESS_TYPES as readonly string[]).includes(f.type))) continue;
    const desired = state.desired
      .filter((s) => s.name === name && (ADDRESS_TYPES as readonly string[]).includes(s.type))
      .map((s) => `${s.type} ${s.values.join(', ')}`)
      .join('; ');
    const live = state.live.filter((s) => s.name === name);
    if (live.some((s) => s.type === 'A' || s.type === 'AAAA')) continue;
    const cname = live.find((s) => s.type === 'CNAME');
    if (cname) {
      const target = cname.values[0];
      if (state.cnameTargets.find((t) => t.target === target)?.resolves === false) out.push({ name, desired, live: `CNAME ${target}, which no longer resolves` });
      continue;
    }
    out.push({ name, desired, live: state.missingNames.includes(name) ? 'NXDOMAIN (the name does not exist)' : 'no A, AAAA or CNAME record' });
  }
  return out;
}

/** Address changes at a broken host are told by dns.subdomain-broken; drift leaves them out. */
export function isBrokenHostChange(c: RecordChange, broken: readonly BrokenHost[]): boolean {
  return (ADDRESS_TYPES as readonly string[]).includes(c.type) && broken.some((b) => b.name === c.name);
}

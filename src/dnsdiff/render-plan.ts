/**
 * The plan as `terraform plan` prints one: a bold warning first when it is dangerous, then
 * `+ create`, `~ modify (old → new)`, `- delete`, TTL-only changes apart, and a one-line count.
 */
import pc from 'picocolors';
import type { DnsPlan, RecordChange } from './diff.js';
import type { RecordSet } from './records.js';
import type { DnsState } from './state.js';

function values(set: RecordSet | undefined): string {
  const v = set?.values ?? [];
  const shown = v.map((x) => (x.length > 80 ? `${JSON.stringify(x.slice(0, 77))}…` : JSON.stringify(x)));
  return shown.length === 1 ? shown[0] : `[${shown.join(', ')}]`;
}

/** One change on one line: `~ acme.test TXT "v=spf1 -all" → "v=spf1 include:x -all"`. */
export function describeChange(c: RecordChange): string {
  const ttl = (s: RecordSet | undefined) => (s?.ttl !== undefined ? ` ttl ${s.ttl}` : '');
  switch (c.kind) {
    case 'create':
      return `+ create  ${c.name} ${c.type}${ttl(c.after)} ${values(c.after)}`;
    case 'delete':
      return `- delete  ${c.name} ${c.type}${ttl(c.before)} ${values(c.before)}`;
    case 'modify':
      return `~ modify  ${c.name} ${c.type} ${values(c.before)} → ${values(c.after)}`;
    case 'ttl':
      return `~ ttl     ${c.name} ${c.type} ${c.before?.ttl} → ${c.after?.ttl} ${values(c.after)}`;
  }
}

export function renderPlan(state: DnsState, plan: DnsPlan, danger: readonly string[], color: boolean): string {
  const c = pc.createColors(color);
  const paint = { create: c.green, delete: c.red, modify: c.yellow, ttl: c.dim };
  const servers = state.servers.length > 0 ? state.servers.join(', ') : 'the system resolver';
  const out = [`DNS plan for ${state.zone}: ${state.desiredSource} (desired) against ${servers} (live${state.authoritative ? ', authoritative' : ''})`, ''];
  if (danger.length > 0) {
    out.push(c.bold(c.red('DANGEROUS PLAN — do not apply it without a second look:')), ...danger.map((d) => c.bold(c.red(`  ! ${d}`))), '');
  }
  const data = plan.changes.filter((x) => x.kind !== 'ttl');
  const ttl = plan.changes.filter((x) => x.kind === 'ttl');
  if (data.length === 0 && ttl.length === 0) out.push('No changes: the live DNS matches the desired state.');
  for (const x of data) out.push(`  ${paint[x.kind](describeChange(x))}`);
  if (ttl.length > 0) out.push('', 'TTL-only changes:', ...ttl.map((x) => `  ${paint.ttl(describeChange(x))}`));
  if (!plan.ttlCompared) out.push('', c.dim('TTLs not compared: the answers came from a caching resolver, not the zone\'s name servers (use --dns-server NS-ADDRESS).'));
  if (plan.unknown.length > 0) out.push('', 'Could not be read (not counted as changes):', ...plan.unknown.map((u) => `  ? ${u.name} ${u.type}: ${u.message}`));
  const count = (k: RecordChange['kind']) => plan.changes.filter((x) => x.kind === k).length;
  out.push('', `Plan: ${count('create')} to create, ${count('modify')} to modify, ${count('delete')} to delete, ${count('ttl')} TTL-only; ${plan.unchanged} unchanged.`);
  return `${out.join('\n')}\n`;
}

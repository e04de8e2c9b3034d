/**
 * Text for the deploy commands: the verification verdict, the log, a diff between two deploys, as
 * plain terminal text or Markdown (for CI summaries and PR comments). Values that came from servers
 * are stripped of control characters (terminal) or escaped (Markdown).
 */
import { mdCode, mdText } from '../report/markdown-escape.js';
import { formatTime, oneLine, plural } from '../report/plain-text.js';
import type { DeployDiff } from './diff.js';
import type { DeployRecord } from './record.js';
import { versionLabel } from './versions.js';

export type DeployFormat = 'terminal' | 'md' | 'json';

function headline(r: DeployRecord): string {
  const what = `${r.environment}${r.baseUrl ? ` (${r.baseUrl})` : ''} ${versionLabel(r)}`;
  return r.result === 'pass' ? `Deploy verified: ${what}` : `Deploy FAILED verification: ${what} — ${plural(r.failures.length, 'problem')}`;
}

function whoLine(r: DeployRecord): string {
  return `by ${r.who.name}${r.who.via !== 'none' ? ` (${r.who.via})` : ''}, ${formatTime(r.timestamp)}`;
}

export function renderVerify(r: DeployRecord, saved: boolean, format: DeployFormat): string {
  if (format === 'json') return `${JSON.stringify(r, null, 2)}\n`;
  const logged = saved ? `recorded as deploy #${r.id}${r.diff.previous ? ` (previous: #${r.diff.previous})` : ''}` : 'not recorded (--no-record)';
  const smokeOk = r.smoke.filter((s) => s.ok).length;
  const versions = [...new Set(r.versions.map((v) => `${v.host} @ ${v.address}: ${versionLabel(v)}`))];
  if (format === 'md') {
    const lines = [`## ${r.result === 'pass' ? '✅' : '❌'} ${mdText(headline(r))}`, '', `${mdText(whoLine(r))}; ${logged}.`, ''];
    if (r.failures.length > 0) lines.push('### What broke', '', ...r.failures.map((f) => `- ${mdText(f)}`), '');
    lines.push(`### Smoke tests (${smokeOk}/${r.smoke.length} passed)`, '', '| | Test | Result | Time |', '|---|---|---|---|');
    for (const s of r.smoke) lines.push(`| ${s.ok ? '✓' : '✗'} | ${mdText(`${s.kind} ${s.name}`)} | ${mdText(s.detail)} | ${s.totalMs ?? '—'} ms |`);
    lines.push('', '### Versions', '', ...versions.map((v) => `- ${mdCode(v)}`));
    if (r.diff.added.length + r.diff.resolved.length > 0) {
      lines.push('', `### Findings since deploy #${r.diff.previous}`, '');
      for (const f of r.diff.added) lines.push(`- new: ${mdCode(f.id)} (${f.severity}) on ${mdText(f.target)}`);
      for (const f of r.diff.resolved) lines.push(`- resolved: ${mdCode(f.id)} on ${mdText(f.target)}`);
    }
    if (r.notes.length > 0) lines.push('', '### Notes', '', ...r.notes.map((n) => `- ${mdText(n)}`));
    return `${lines.join('\n')}\n`;
  }
  const lines = [headline(r), `  ${whoLine(r)}; ${logged}`, ''];
  if (r.failures.length > 0) lines.push('What broke:', ...r.failures.map((f) => `  ✗ ${oneLine(f)}`), '');
  lines.push(`Smoke tests: ${smokeOk}/${r.smoke.length} passed`, ...r.smoke.map((s) => `  ${s.ok ? '✓' : '✗'} ${s.kind} ${s.name}: ${oneLine(s.detail)}`), '');
  lines.push('Versions:', ...versions.map((v) => `  ${oneLine(v)}`));
  if (r.diff.added.length + r.diff.resolved.length > 0) {
    lines.push('', `Findings since deploy #${r.diff.previous}:`);
    for (const f of r.diff.added) lines.push(`  + new: ${f.id} (${f.severity}) on ${oneLine(f.target)}`);
    for (const f of r.diff.resolved) lines.push(`  - resolved: ${f.id} on ${oneLine(f.target)}`);
  }
  if (r.notes.length > 0) lines.push('', 'Notes:', ...r.notes.map((n) => `  • ${oneLine(n)}`));
  return `${lines.join('\n')}\n`;
}

function logRow(r: DeployRecord): string[] {
  const findings = r.diff.previous ? `+${r.diff.added.length}/-${r.diff.resolved.length} findings` : `${r.findings.length} findings`;
  return [`#${r.id}`, formatTime(r.timestamp), r.environment, versionLabel(r), r.result, `${r.who.name} (${r.who.via})`, findings];
}

export function renderLog(records: readonly DeployRecord[], format: DeployFormat): string {
  if (format === 'json') return `${JSON.stringify(records, null, 2)}\n`;
  if (records.length === 0) return 'No deploy recorded yet: `launch-ready deploy verify` records one.\n';
  const rows = records.map(logRow);
  if (format === 'md') {
    const head = ['Deploy', 'When', 'Environment', 'Version', 'Result', 'Who', 'Findings'];
    return `${[`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(mdText).join(' | ')} |`)].join('\n')}\n`;
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return `${rows.map((r) => r.map((c, i) => oneLine(c).padEnd(widths[i])).join('  ').trimEnd()).join('\n')}\n`;
}

function percent(before: number, after: number): string {
  if (before === 0) return '';
  const p = Math.round(((after - before) / before) * 100);
  return ` (${p >= 0 ? '+' : ''}${p}%)`;
}

export function renderDiff(d: DeployDiff, format: DeployFormat): string {
  if (format === 'json') {
    const { from, to, ...rest } = d;
    return `${JSON.stringify({ from: from.id, to: to.id, ...rest }, null, 2)}\n`;
  }
  const sections: Array<[string, string[]]> = [
    ['Version', d.version ? [`${d.version.before} -> ${d.version.after}`] : [`unchanged: ${versionLabel(d.to)}`]],
    ['Verification', d.result ? [`${d.result.before} -> ${d.result.after}`] : [`${d.to.result} both times`]],
    ['New failures', d.failuresAdded],
    ['Fixed failures', d.failuresFixed],
    ['New findings', d.findingsAdded.map((f) => `${f.id} (${f.severity}) on ${f.target}`)],
    ['Resolved findings', d.findingsResolved.map((f) => `${f.id} on ${f.target}`)],
    ['Edge (TLS, redirects, CDN)', d.facts.length > 0 ? d.facts : ['unchanged']],
    ['Latency of the smoke requests', d.latency.map((l) => `${l.smoke}: ${l.beforeMs} ms -> ${l.afterMs} ms${percent(l.beforeMs, l.afterMs)}`)],
  ];
  const title = `Deploy #${d.from.id} (${d.from.environment}, ${formatTime(d.from.timestamp)}) -> #${d.to.id} (${d.to.environment}, ${formatTime(d.to.timestamp)})`;
  if (format === 'md') {
    const body = sections.filter(([, items]) => items.length > 0).flatMap(([name, items]) => [`### ${name}`, '', ...items.map((i) => `- ${mdText(i)}`), '']);
    return `## ${mdText(title)}\n\n${body.join('\n')}`;
  }
  const body = sections.filter(([, items]) => items.length > 0).flatMap(([name, items]) => [`${name}:`, ...items.map((i) => `  ${oneLine(i)}`)]);
  return `${[title, '', ...body].join('\n')}\n`;
}

/**
 * The Markdown report, for pull requests, CI step summaries and pasting into a ticket. Every value
 * that came from a target is escaped or fenced (see markdown-escape.ts).
 */
import { SEVERITIES, STAGES, type Finding } from '../core/finding.js';
import { mdBlock, mdCode, mdLink, mdParagraph, mdText } from './markdown-escape.js';
import { formatDuration, formatTime } from './plain-text.js';
import { BAR_SYMBOL, BAR_WORD } from './minimum-bar.js';
import { repeatsOf } from './repeats.js';
import { issuerName, routeDiagram } from './route-map.js';
import type { Report } from './types.js';
import { fixParts } from './verbatim-lines.js';
import { isMinor } from './verdict.js';


function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

/**
 * The fix as one list item: prose as text, verbatim lines (records to paste) as a code block inside
 * the item, so they are copied exactly instead of being joined onto the prose line.
 */
function fixItem(text: string): string[] {
  const parts = fixParts(text);
  const first = parts[0]?.kind === 'prose' ? parts.shift() : undefined;
  const out = [`- **Fix:** ${first?.kind === 'prose' ? mdText(first.text) : ''}`.trimEnd()];
  for (const part of parts) {
    const block = part.kind === 'prose' ? mdParagraph(part.text) : mdBlock(part.lines.join('\n'));
    // Indented by the item's two columns to stay inside it (CommonMark §5.2).
    out.push('', ...block.split('\n').map((l) => `  ${l}`));
  }
  return out;
}

function findingSection(f: Finding, sameAs: number | undefined): string[] {
  const advice =
    sameAs === undefined
      ? [`- **Impact:** ${mdText(f.impact)}`, ...fixItem(f.remediation), `- **Reference:** ${mdLink(f.reference)}`]
      : [`- **Impact and fix:** as #${sameAs}`];
  return [
    `### #${f.rank} ${f.severity.toUpperCase()} · ${mdCode(f.id)} · ${mdText(f.target)}`,
    '',
    `**${mdText(f.title)}** (stage ${f.stage}, ${STAGES[f.stage]})`,
    '',
    'Evidence:',
    '',
    mdBlock(f.evidence),
    '',
    ...advice,
    '',
  ];
}

export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  out.push(`# Launch readiness: ${mdText(report.target)}`, '');
  out.push(`> **${report.verdict === 'ready' ? '✓' : '✗'} ${mdText(report.headline)}**`, '');
  out.push(...table(SEVERITIES.map((s) => s), [SEVERITIES.map((s) => String(report.summary[s]))]), '');
  out.push(
    `Audited ${formatTime(report.startedAt)} in ${formatDuration(report.durationMs)} by ${report.tool.name} ${mdText(report.tool.version)}.`,
    '',
  );

  out.push('## Minimum bar', '');
  out.push(
    ...table(
      ['', 'Item', 'Status', 'Detail'],
      report.minimumBar.map((i) => [BAR_SYMBOL[i.status], mdText(i.label), BAR_WORD[i.status], mdText(i.detail)]),
    ),
    '',
  );

  out.push('## Findings by launch risk', '');
  const major = report.findings.filter((f) => !isMinor(f.severity));
  const minor = report.findings.filter((f) => isMinor(f.severity));
  if (report.findings.length === 0) out.push('No findings.', '');
  const repeats = repeatsOf(report.findings);
  for (const f of major) out.push(...findingSection(f, repeats.get(f)));
  if (minor.length > 0) {
    out.push(`Low and info (${minor.length}):`, '');
    out.push(
      ...table(
        ['#', 'Severity', 'Check', 'Target', 'Finding', 'Evidence'],
        minor.map((f) => [String(f.rank), f.severity, mdCode(f.id, true), mdText(f.target), mdText(f.title), mdCode(f.evidence, true)]),
      ),
      '',
    );
  }

  if (report.routes.length > 0) {
    out.push('## Route map', '');
    out.push(
      ...table(
        ['Host', 'CNAME', 'Addresses', 'Edge', 'Final URL', 'Version', 'TLS'],
        report.routes.map((r) => [
          `${mdText(r.host)}${r.environment ? ` (${mdText(r.environment)})` : ''}`,
          mdText(r.cnames.join(' → ') || '—'),
          mdText(r.addresses.join(', ') || '—'),
          mdText(r.edge ?? 'none'),
          r.finalUrl ? `${r.status} ${mdText(r.finalUrl)}` : mdText(r.error ?? '—'),
          mdText(r.versions.join(' / ') || '—'),
          r.tls ? mdText(`${issuerName(r.tls.issuer)}, until ${r.tls.validTo.slice(0, 10)}`) : '—',
        ]),
      ),
      '',
      mdBlock(routeDiagram(report.routes, 100).join('\n')),
      '',
    );
  }

  const notChecked = report.checks.filter((r) => r.status === 'error');
  if (notChecked.length > 0) {
    out.push(`## Not checked (${notChecked.length})`, '');
    for (const r of notChecked) out.push(`- ${mdCode(r.id)}: ${mdText(r.error ?? 'could not run')}`);
    out.push('');
  }
  return out.join('\n');
}

/**
 * The terminal report: verdict first, then the minimum bar, the findings by rank, the route map and
 * what could not be checked. Colour is an option (the CLI decides from NO_COLOR/FORCE_COLOR/TTY) so
 * the same report renders byte for byte the same in tests; without it there are no ANSI escapes.
 */
import pc from 'picocolors';
import { SEVERITIES, type Finding, type Severity } from '../core/finding.js';
import { formatDuration, formatTime, oneLine, wrap } from './plain-text.js';
import { BAR_SYMBOL } from './minimum-bar.js';
import { repeatsOf } from './repeats.js';
import { routeDiagram } from './route-map.js';
import type { Report } from './types.js';
import { fixParts, VERBATIM_MARK } from './verbatim-lines.js';
import { isMinor } from './verdict.js';

export interface TerminalOptions {
  color: boolean;
  /** Columns to wrap to; the CLI passes the terminal's width. */
  width?: number;
}

type Colors = ReturnType<typeof pc.createColors>;

const FIELD_INDENT = ' '.repeat(13);

function severityPaint(c: Colors): Record<Severity, (s: string) => string> {
  return {
    critical: (s) => c.bold(c.red(s)),
    high: c.red,
    medium: c.yellow,
    low: c.cyan,
    info: c.dim,
  };
}

/** `   evidence  first line` with continuation lines aligned under the text. */
function field(label: string, text: string, width: number): string[] {
  return labelled(label, wrap(text, width, FIELD_INDENT));
}

function labelled(label: string, lines: string[]): string[] {
  lines[0] = `   ${label.padEnd(10)}${lines[0].slice(FIELD_INDENT.length)}`;
  return lines;
}

/** The fix: prose wrapped like any field, verbatim lines (records to paste) whole on their own lines, however long. */
function fixField(text: string, width: number): string[] {
  const lines = fixParts(text).flatMap((part) =>
    part.kind === 'prose' ? wrap(part.text, width, FIELD_INDENT) : part.lines.map((l) => `${FIELD_INDENT}${VERBATIM_MARK}${l}`),
  );
  return labelled('fix', lines.length > 0 ? lines : ['']);
}

/** Short pieces joined by ` · `, starting a new line rather than crossing `width`; each piece painted on its own. */
function joinWithin(pieces: Array<[string, (s: string) => string]>, width: number): string[] {
  const lines: string[] = [];
  let plain = '';
  let painted = '';
  for (const [text, paint] of pieces) {
    if (plain && plain.length + 3 + text.length > width) {
      lines.push(painted);
      [plain, painted] = ['', ''];
    }
    [plain, painted] = plain ? [`${plain} · ${text}`, `${painted} · ${paint(text)}`] : [text, paint(text)];
  }
  return [...lines, painted];
}

function findingBlock(f: Finding, width: number, c: Colors, sameAs: number | undefined): string[] {
  const paint = severityPaint(c)[f.severity];
  const label = f.severity.toUpperCase();
  const id = oneLine(f.id);
  const plainHead = `#${f.rank} ${label} ${id}  ${oneLine(f.target)}`;
  const head = plainHead.length <= width ? [plainHead] : wrap(plainHead, width, '   ').map((l, i) => (i === 0 ? l.trimStart() : l));
  head[0] = head[0].replace(`${label} ${id}`, `${paint(label)} ${c.bold(id)}`);
  return [
    ...head,
    ...wrap(oneLine(f.title), width, '   ').map((l) => c.bold(l)),
    ...field('evidence', f.evidence, width),
    ...(sameAs === undefined ? [...field('impact', f.impact, width), ...fixField(f.remediation, width)] : field('fix', `as #${sameAs}`, width)),
  ];
}

/** Low and info findings take one line each: they never block, and a long tail should not bury the rest. */
function findingLine(f: Finding, width: number, c: Colors): string[] {
  const text = `#${f.rank} ${f.severity.toUpperCase()} ${oneLine(f.id)}  ${oneLine(f.target)} — ${oneLine(f.title)}`;
  const [first, ...rest] = wrap(text, width, '   ');
  const label = f.severity.toUpperCase();
  return [first.trimStart().replace(label, severityPaint(c)[f.severity](label)), ...rest];
}

export function renderTerminal(report: Report, opts: TerminalOptions): string {
  const c = pc.createColors(opts.color);
  const width = Math.max(40, opts.width ?? 100);
  const out: string[] = [];

  const about = [report.tool.name + ' ' + report.tool.version, report.target, formatTime(report.startedAt), formatDuration(report.durationMs)];
  out.push(...joinWithin(about.map((t) => [oneLine(t), c.dim]), width));
  out.push('');
  const verdictPaint = report.verdict === 'ready' ? c.green : c.red;
  out.push(...wrap(report.headline, width).map((l) => c.bold(verdictPaint(l))));
  out.push(...joinWithin(SEVERITIES.map((s) => [`${report.summary[s]} ${s}`, severityPaint(c)[s]]), width));

  out.push('', c.bold('Minimum bar'));
  const labelWidth = Math.max(...report.minimumBar.map((i) => i.label.length), 0) + 2;
  // On a narrow terminal the detail goes under the label instead of beside it.
  const beside = width - 4 - labelWidth >= 30;
  for (const item of report.minimumBar) {
    const paint = item.status === 'met' ? c.green : item.status === 'not-met' ? c.red : c.dim;
    const head = `  ${paint(BAR_SYMBOL[item.status])} ${item.label}`;
    if (beside) {
      const indent = ' '.repeat(4 + labelWidth);
      const [first, ...rest] = wrap(item.detail, width, indent);
      out.push(`  ${paint(BAR_SYMBOL[item.status])} ${item.label.padEnd(labelWidth)}${paint(first.slice(indent.length))}`, ...rest.map((l) => paint(l)));
    } else {
      out.push(head, ...wrap(item.detail, width, '    ').map((l) => paint(l)));
    }
  }

  out.push('', c.bold(`Findings by launch risk (${report.findings.length})`));
  if (report.findings.length === 0) out.push('  none');
  const repeats = repeatsOf(report.findings);
  for (const f of report.findings) {
    if (isMinor(f.severity)) out.push(...findingLine(f, width, c));
    else out.push(...findingBlock(f, width, c, repeats.get(f)), '');
  }
  if (out.at(-1) === '') out.pop();

  if (report.routes.length > 0) {
    out.push('', c.bold('Route map'));
    out.push(...routeDiagram(report.routes, width - 2).map((l) => `  ${l}`));
  }

  const notChecked = report.checks.filter((r) => r.status === 'error');
  if (notChecked.length > 0) {
    out.push('', c.bold(`Not checked (${notChecked.length})`));
    for (const r of notChecked) out.push(...wrap(`${r.id} — ${r.error ?? 'could not run'}`, width, '  ').map((l) => c.dim(l)));
  }
  return `${out.join('\n')}\n`;
}

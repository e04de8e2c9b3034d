/**
 * The handover checklist or runbook as one self-contained HTML file (inline CSS, no script, no
 * remote load) that prints cleanly: compact tables on A4/Letter, rows never split across pages,
 * headings kept with what follows. Every value is escaped: much of it came from servers.
 */
import { escapeHtml } from '../report/html.js';
import { formatTime } from '../report/plain-text.js';
import type { HandoverDocument, Item, Section } from './document.js';

const CSS = `
:root{--fg:#1d1d1f;--muted:#5f6368;--line:#d9dce1;--card:#f6f7f9;--ok:#1e7e34;--decl:#1a5fb4;--unk:#a15c00;--flag:#a50e0e}
*{box-sizing:border-box}
body{margin:0;color:var(--fg);background:#fff;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.3rem;margin:0 0 .2rem}
h2{font-size:1.05rem;margin:1.4rem 0 .4rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
.meta{color:var(--muted);font-size:.85rem;margin:0 0 .6rem}
.legend{font-size:.82rem;color:var(--muted)}
table{border-collapse:collapse;width:100%;font-size:.86rem;table-layout:fixed}
th,td{text-align:left;vertical-align:top;padding:.25rem .4rem;border-bottom:1px solid var(--line);overflow-wrap:anywhere}
th{color:var(--muted);font-weight:600}
col.subject{width:24%}col.status{width:7.5rem}
.status{font-weight:600;white-space:nowrap}
.verified .status{color:var(--ok)}.declared .status{color:var(--decl)}.unknown .status{color:var(--unk)}
tr.flag td:first-child{border-left:4px solid var(--flag);font-weight:600}
ol{padding-left:1.4rem}li{margin:.25rem 0}
code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--card);border-radius:3px}
code{padding:0 .2rem}
pre{border:1px solid var(--line);padding:.3rem .5rem;margin:.2rem 0;white-space:pre-wrap;overflow-wrap:anywhere}
.intro{margin:.2rem 0 .4rem}
@media print{
  @page{size:A4;margin:10mm}
  body{font-size:7.6pt;line-height:1.28;-webkit-print-color-adjust:exact;print-color-adjust:exact}
  main{max-width:none;padding:0}
  h1{font-size:12pt}
  h2{font-size:9pt;margin:.45rem 0 .15rem;break-after:avoid}
  table{font-size:7.2pt}
  th,td{padding:.05rem .25rem}
  tr,li,pre{break-inside:avoid}
  code,pre{font-size:6.8pt}
  pre{padding:.1rem .3rem}
  .intro,.legend{margin:.1rem 0}
}
`;

/** Escaped text whose `backticked` parts become <code>. */
function rich(text: string): string {
  return text
    .split(/`([^`]+)`/)
    .map((part, i) => (i % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part)))
    .join('');
}

const WORD: Record<Item['status'], string> = { verified: '✓ verified', declared: '✎ declared', unknown: '? unknown' };

function section(s: Section): string {
  const parts = [`<section id="${escapeHtml(s.id)}"><h2>${escapeHtml(s.title)}</h2>`];
  if (s.intro) parts.push(`<p class="intro">${rich(s.intro)}</p>`);
  if (s.items && s.items.length > 0) {
    const rows = s.items.map(
      (i) =>
        `<tr class="${i.status}${i.flag ? ' flag' : ''}"><td>${i.flag ? '⚠ ' : ''}${rich(i.subject)}</td><td>${rich(i.detail)}</td><td class="status">${WORD[i.status]}</td></tr>`,
    );
    parts.push(`<table><colgroup><col class="subject"><col><col class="status"></colgroup><thead><tr><th>Item</th><th>Detail</th><th>Status</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`);
  }
  if (s.steps) {
    const steps = s.steps.map((st) => `<li>${rich(st.text)}${st.command ? `<pre>${escapeHtml(st.command)}</pre>` : ''}</li>`);
    parts.push(`<ol>\n${steps.join('\n')}\n</ol>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}

export function renderHtml(doc: HandoverDocument): string {
  const legend =
    doc.kind === 'handover'
      ? '<p class="legend">Each item says how it is known: <b>verified</b> by launch-ready, <b>declared</b> in launch-ready.yaml, or <b>unknown</b>; ⚠ marks what needs someone\'s action.</p>'
      : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<title>${escapeHtml(doc.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>${escapeHtml(doc.title)}</h1>
<p class="meta">${escapeHtml(doc.subtitle)} — generated ${escapeHtml(formatTime(doc.generatedAt))} by launch-ready</p>
${legend}
${doc.sections.map(section).join('\n')}
</main>
</body>
</html>
`;
}

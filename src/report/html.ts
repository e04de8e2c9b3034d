/**
 * The HTML report: one self-contained file (inline CSS, no script, no external request) that reads
 * on a phone and prints on one or two pages. Evidence comes from hostile servers, so every value is
 * escaped, links are emitted only for http(s) URLs, and a Content-Security-Policy forbids scripts
 * and remote loads in case anything ever slips through.
 */
import { SEVERITIES, STAGES, type Finding } from '../core/finding.js';
import { formatDuration, formatTime, stripControl } from './plain-text.js';
import { BAR_SYMBOL, BAR_WORD } from './minimum-bar.js';
import { repeatsOf } from './repeats.js';
import { issuerName, routeHops } from './route-map.js';
import type { Report, RouteMapEntry } from './types.js';
import { fixParts } from './verbatim-lines.js';
import { isMinor } from './verdict.js';


const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return stripControl(text).replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/** A link for an http(s) URL, else the escaped text: a `javascript:` or `data:` reference never becomes clickable. */
function link(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol === 'https:' || u.protocol === 'http:') return `<a href="${escapeHtml(u.href)}" rel="noreferrer">${escapeHtml(url)}</a>`;
  } catch {
    // not a URL: shown as text below
  }
  return escapeHtml(url);
}

// Severity is told apart by its label and by the card's border style, not by colour alone (WCAG 1.4.1).
const CSS = `
:root{--fg:#1d1d1f;--muted:#5f6368;--bg:#fff;--card:#f6f7f9;--line:#d9dce1;--critical:#a50e0e;--high:#c5221f;--medium:#a15c00;--low:#1a5fb4;--info:#5f6368;--ok:#1e7e34}
@media (prefers-color-scheme:dark){:root{--fg:#e8eaed;--muted:#9aa0a6;--bg:#17181a;--card:#222326;--line:#3c4043;--critical:#f28b82;--high:#f6aea9;--medium:#fdd663;--low:#8ab4f8;--info:#9aa0a6;--ok:#81c995}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.1rem;margin:0 0 .5rem;font-weight:600;overflow-wrap:anywhere}
h2{font-size:1.05rem;margin:1.6rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
h3{font-size:.95rem;margin:1rem 0 .4rem}
code,pre{font:12.5px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--bg);border:1px solid var(--line);border-radius:4px;padding:.4rem .5rem;margin:.2rem 0;max-height:16rem;overflow:auto}
a{color:var(--low);overflow-wrap:anywhere}
.meta{color:var(--muted);font-size:.85rem;margin:0 0 1rem}
.verdict{font-size:1.35rem;font-weight:700;padding:.6rem .8rem;border-radius:6px;border:2px solid;margin:0 0 .6rem}
.verdict.not-ready{color:var(--critical);border-color:var(--critical)}
.verdict.ready{color:var(--ok);border-color:var(--ok)}
.summary{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;padding:0;margin:0}
.summary li{padding:.1rem .55rem;border-radius:999px;border:1px solid var(--line);font-size:.85rem}
.summary b{font-size:1rem}
.bar{list-style:none;padding:0;margin:0;font-size:.9rem}
.bar li{display:grid;grid-template-columns:1.4rem 15rem 6.5rem 1fr;gap:0 .5rem;padding:.3rem 0;border-bottom:1px solid var(--line)}
.bar .sym{font-weight:700;text-align:center}
.bar .label{font-weight:600}
.bar .met .sym,.bar .met .status{color:var(--ok)}
.bar .not-met .sym,.bar .not-met .status{color:var(--critical)}
.bar .not-checked{color:var(--muted)}
.bar .detail{min-width:0;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;font-size:.88rem}
th,td{text-align:left;vertical-align:top;padding:.3rem .4rem;border-bottom:1px solid var(--line);overflow-wrap:break-word}
th{font-weight:600;color:var(--muted)}
.finding{background:var(--card);border-radius:6px;padding:.6rem .8rem;margin:.6rem 0;border-left:6px solid var(--line)}
.finding header{display:flex;flex-wrap:wrap;gap:.2rem .6rem;align-items:baseline}
.finding .stage{color:var(--muted);font-size:.8rem;margin-left:auto}
.finding h3{font-size:1rem;margin:.3rem 0}
.finding dl{margin:.3rem 0 0}
.finding dl>div{display:grid;grid-template-columns:5.5rem 1fr;gap:0 .6rem;margin:.15rem 0}
.finding dt{font-weight:600;color:var(--muted)}
.finding dd{margin:0;min-width:0}
.rank{font-weight:700}
.target{overflow-wrap:anywhere}
.badge{font-weight:700;font-size:.75rem;letter-spacing:.04em;padding:.05rem .4rem;border-radius:3px;border:1.5px solid}
.sev-critical .badge,.badge.sev-critical{color:#fff;background:var(--critical);border-color:var(--critical)}
.finding.sev-critical{border-left:8px double var(--critical)}
.sev-high .badge,.badge.sev-high{color:var(--high)}.finding.sev-high{border-left:6px solid var(--high)}
.sev-medium .badge,.badge.sev-medium{color:var(--medium)}.finding.sev-medium{border-left:6px dashed var(--medium)}
.badge.sev-low{color:var(--low);border-style:dotted}.badge.sev-info{color:var(--info);border-style:dotted}
li.sev-critical b{color:var(--critical)}li.sev-high b{color:var(--high)}li.sev-medium b{color:var(--medium)}li.sev-low b{color:var(--low)}li.sev-info b{color:var(--info)}
.minor pre{margin-top:.2rem}
.flow{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem;padding:.35rem 0;border-bottom:1px dashed var(--line);font-size:.82rem}
.node{border:1px solid var(--line);background:var(--card);border-radius:4px;padding:.1rem .4rem;overflow-wrap:anywhere;max-width:100%}
.node.host{font-weight:700}.node.fail{border-color:var(--critical);color:var(--critical)}
.arrow{color:var(--muted)}
.notchecked{color:var(--muted);font-size:.88rem;padding-left:1.2rem}
footer{color:var(--muted);font-size:.8rem;margin-top:2rem}
@media (max-width:40rem){
  main{padding:.6rem}
  .bar li{grid-template-columns:1.4rem 1fr auto}
  .bar .detail{grid-column:2/4}
  .finding dl>div{grid-template-columns:1fr}
  table.stack thead{display:none}
  table.stack tr{display:block;border-bottom:1px solid var(--line);padding:.3rem 0}
  table.stack td{display:block;border:0;padding:.1rem 0;overflow-wrap:anywhere}
  table.stack td::before{content:attr(data-label) ": ";font-weight:600;color:var(--muted)}
  table.minor td:nth-child(-n+3){display:inline-block;margin-right:.6rem}
  table.minor td:nth-child(-n+3)::before{content:none}
}
@media print{
  @page{margin:9mm}
  :root{--fg:#000;--muted:#444;--bg:#fff;--card:#fff;--line:#bbb}
  body{font-size:7.5pt;line-height:1.3;-webkit-print-color-adjust:exact;print-color-adjust:exact}
  main{max-width:none;padding:0}
  h1{font-size:10pt;margin:0}
  h2{font-size:9pt;margin:.5rem 0 .2rem;break-after:avoid}
  h3{font-size:8pt;margin:.3rem 0 .1rem}
  code,pre{font-size:6.8pt}
  .meta{margin:0 0 .2rem}
  .verdict{font-size:11pt;padding:.15rem .4rem;margin:0 0 .25rem}
  .summary li{font-size:7.5pt;padding:0 .4rem}.summary b{font-size:8pt}
  .bar{font-size:7.5pt}.bar li{padding:.05rem 0;grid-template-columns:1rem 12rem 5rem 1fr;break-inside:avoid}
  /* A finding in two or three lines: what and where, then evidence beside the fix, each cut at two lines; the rest is on screen. */
  .finding{padding:.1rem .4rem;margin:.15rem 0;break-inside:avoid;border-radius:0}
  .finding header,.finding h3{display:inline}
  .finding h3{font-size:7.5pt;margin:0 0 0 .4rem}
  .finding .stage,.finding .impact,.finding .reference,.finding .evidence dt{display:none}
  .finding dl{margin:0;display:grid;grid-template-columns:2fr 3fr;gap:0 .8rem}
  .finding dl>div{display:block;margin:0}
  .finding .fix dt,.finding .fix dd{display:inline}
  .finding .fix dd{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;line-clamp:2;overflow:hidden}
  .finding .fix dt::after{content:": "}
  .finding .fix{display:flex}
  .finding pre{white-space:pre;overflow:hidden;text-overflow:ellipsis;max-height:2.7em;border:0;padding:0;margin:0;background:none}
  .minor pre{display:none}
  .badge{font-size:6.5pt;padding:0 .25rem}
  table{font-size:7pt}
  th,td{padding:.05rem .3rem}
  .finding header>*{margin-right:.35rem}
  tr{break-inside:avoid}
  .diagram{display:none}
  footer{display:none}
  a{color:inherit;text-decoration:none}
}
`;

/** The fix: prose as text, verbatim lines (records to paste) as preformatted blocks between it, copied exactly. */
function fixHtml(text: string): string {
  return fixParts(text)
    .map((part) => (part.kind === 'prose' ? escapeHtml(part.text) : `<pre>${escapeHtml(part.lines.join('\n'))}</pre>`))
    .join('');
}

function findingCard(f: Finding, sameAs: number | undefined): string {
  const advice =
    sameAs === undefined
      ? `<div class="impact"><dt>Impact</dt><dd>${escapeHtml(f.impact)}</dd></div>
<div class="fix"><dt>Fix</dt><dd>${fixHtml(f.remediation)}</dd></div>
<div class="reference"><dt>Reference</dt><dd>${link(f.reference)}</dd></div>`
      : `<div class="fix"><dt>Fix</dt><dd>as <a href="#finding-${sameAs}">#${sameAs}</a></dd></div>`;
  return `<article class="finding sev-${f.severity}" id="finding-${f.rank}">
<header><span class="rank">#${f.rank}</span><span class="badge">${f.severity.toUpperCase()}</span><code>${escapeHtml(f.id)}</code><span class="target">${escapeHtml(f.target)}</span><span class="stage">stage ${f.stage} · ${STAGES[f.stage]}</span></header>
<h3>${escapeHtml(f.title)}</h3>
<dl>
<div class="evidence"><dt>Evidence</dt><dd><pre>${escapeHtml(f.evidence)}</pre></dd></div>
${advice}
</dl>
</article>`;
}

function cell(label: string, html: string): string {
  return `<td data-label="${escapeHtml(label)}">${html}</td>`;
}

function minorTable(findings: Finding[]): string {
  const rows = findings.map(
    (f) =>
      `<tr>${cell('#', `#${f.rank}`)}${cell('Severity', `<span class="badge sev-${f.severity}">${f.severity.toUpperCase()}</span>`)}` +
      `${cell('Check', `<code>${escapeHtml(f.id)}</code>`)}${cell('Target', escapeHtml(f.target))}` +
      `${cell('Finding', `${escapeHtml(f.title)}<pre>${escapeHtml(f.evidence)}</pre>`)}</tr>`,
  );
  return `<table class="stack minor"><thead><tr><th>#</th><th>Severity</th><th>Check</th><th>Target</th><th>Finding</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

function routeTable(routes: readonly RouteMapEntry[]): string {
  const rows = routes.map((r) => {
    const final = r.finalUrl ? `${r.status} ${escapeHtml(r.finalUrl)}` : escapeHtml(r.error ?? '—');
    const edge = r.edge ? `${escapeHtml(r.edge)}${r.edgeVia ? ` <small>(by ${r.edgeVia})</small>` : ''}` : 'none';
    const tls = r.tls ? `${escapeHtml(issuerName(r.tls.issuer))}, until ${escapeHtml(r.tls.validTo.slice(0, 10))}` : '—';
    return (
      `<tr>${cell('Host', `<b>${escapeHtml(r.host)}</b>${r.environment ? ` <small>${escapeHtml(r.environment)}</small>` : ''}`)}` +
      `${cell('CNAME', escapeHtml(r.cnames.join(' → ') || '—'))}${cell('Addresses', escapeHtml(r.addresses.join(', ') || '—'))}` +
      `${cell('Edge', edge)}${cell('Final URL', final)}${cell('Version', escapeHtml(r.versions.join(' / ') || '—'))}${cell('TLS', tls)}</tr>`
    );
  });
  return `<table class="stack routes"><thead><tr><th>Host</th><th>CNAME</th><th>Addresses</th><th>Edge</th><th>Final URL</th><th>Version</th><th>TLS</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

/** The route map as boxes joined by arrows, one row per host, wrapping on narrow screens. */
function routeFlow(routes: readonly RouteMapEntry[]): string {
  const arrow = '<span class="arrow" aria-hidden="true">→</span>';
  const rows = routes.map((r) => {
    const nodes = [`<span class="node host">${escapeHtml(r.host)}</span>`];
    for (const hop of routeHops(r)) nodes.push(`<span class="node${hop.startsWith('FAILED') ? ' fail' : ''}">${escapeHtml(hop)}</span>`);
    return `<div class="flow">${nodes.join(arrow)}</div>`;
  });
  return `<div class="diagram">\n${rows.join('\n')}\n</div>`;
}

export function renderHtml(report: Report): string {
  const major = report.findings.filter((f) => !isMinor(f.severity));
  const minor = report.findings.filter((f) => isMinor(f.severity));
  const notChecked = report.checks.filter((r) => r.status === 'error');
  const repeats = repeatsOf(report.findings);
  const bar = report.minimumBar.map(
    (i) =>
      `<li class="${i.status}"><span class="sym" aria-hidden="true">${BAR_SYMBOL[i.status]}</span><span class="label">${escapeHtml(i.label)}</span>` +
      `<span class="status">${BAR_WORD[i.status]}</span><span class="detail">${escapeHtml(i.detail)}</span></li>`,
  );
  const parts = [
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<title>Launch readiness: ${escapeHtml(report.target)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>Launch readiness: ${escapeHtml(report.target)}</h1>
<p class="meta">Audited ${escapeHtml(formatTime(report.startedAt))} in ${formatDuration(report.durationMs)} by ${escapeHtml(report.tool.name)} ${escapeHtml(report.tool.version)}</p>
<p class="verdict ${report.verdict}">${report.verdict === 'ready' ? '✓' : '✗'} ${escapeHtml(report.headline)}</p>
<ul class="summary">${SEVERITIES.map((s) => `<li class="sev-${s}"><b>${report.summary[s]}</b> ${s}</li>`).join('')}</ul>`,
    `<section><h2>Minimum bar</h2>
<ul class="bar">
${bar.join('\n')}
</ul></section>`,
    `<section><h2>Findings by launch risk (${report.findings.length})</h2>
${report.findings.length === 0 ? '<p>No findings.</p>' : ''}${major.map((f) => findingCard(f, repeats.get(f))).join('\n')}
${minor.length > 0 ? `<h3>Low and info (${minor.length})</h3>\n${minorTable(minor)}` : ''}</section>`,
  ];
  if (report.routes.length > 0) parts.push(`<section><h2>Route map</h2>\n${routeFlow(report.routes)}\n${routeTable(report.routes)}</section>`);
  if (notChecked.length > 0) {
    const items = notChecked.map((r) => `<li><code>${escapeHtml(r.id)}</code>: ${escapeHtml(r.error ?? 'could not run')}</li>`);
    parts.push(`<section><h2>Not checked (${notChecked.length})</h2>\n<ul class="notchecked">\n${items.join('\n')}\n</ul></section>`);
  }
  parts.push(`<footer>Findings are ranked by launch risk: severity weighted by the business value of the route they hit (checkout, login, chat and webhooks first), then by how many hosts share them.</footer>
</main>
</body>
</html>
`);
  return parts.join('\n');
}

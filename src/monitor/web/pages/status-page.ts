/** The public status page: server-rendered, no script, nothing but names, states and uptime bars. */
import { html } from '../html.js';
import type { StatusData } from '../data/status.js';
import { page } from './layout.js';

const LABEL: Record<string, string> = { operational: 'Operational', down: 'Down', maintenance: 'Maintenance', unknown: 'No data' };

function bar(ratio: number | null): string {
  return ratio === null ? '' : ratio >= 0.999 ? 'good' : ratio >= 0.99 ? 'fair' : 'bad';
}

export function statusPage(d: StatusData): string {
  const all = d.monitors.every((m) => m.state === 'operational');
  return page({
    title: d.title,
    body: html`<main><h1>${d.title}</h1>
<div class="banner ${all ? '' : 'warn'}">${all ? 'All systems operational' : d.incidents.length ? 'Some systems are down' : 'Some systems have no recent data'}</div>
${d.incidents.length ? html`<h2>Current incidents</h2><ul>${d.incidents.map((i) => html`<li>${i.name} is down since ${new Date(i.since).toISOString().replace('T', ' ').slice(0, 16)} UTC</li>`)}</ul>` : ''}
${d.monitors.map(
  (m) => html`<section><h2>${m.name} <span class="state ${m.state}">${LABEL[m.state]}</span> <span class="muted">${m.uptime90 === undefined ? '' : `${(m.uptime90 * 100).toFixed(2)} % over 90 days`}</span></h2>
<div class="bars">${m.days.map((r, i) => html`<i class="${bar(r)}" title="${new Date(d.generatedAt - (m.days.length - 1 - i) * 86_400_000).toISOString().slice(0, 10)}: ${r === null ? 'no data' : `${(r * 100).toFixed(2)} %`}"></i>`)}</div></section>`,
)}
<p class="muted">Updated ${new Date(d.generatedAt).toISOString().replace('T', ' ').slice(0, 16)} UTC</p></main>`,
  });
}

/** The HTML pages: login, dashboard, monitor, settings. Data comes from the JSON API (see client/). */
import { html } from '../html.js';
import { page, topBar } from './layout.js';

export function loginPage(o: { error?: string; noPassword?: boolean }): string {
  return page({
    title: 'Log in · launch-ready monitor',
    body: html`<main class="login"><h1>launch-ready monitor</h1>
${o.noPassword ? html`<div class="banner warn">No admin password is set. Run <code>launch-ready monitor set-password</code> beside the monitor's data, or start it once with LAUNCH_READY_ADMIN_PASSWORD set.</div>` : ''}
${o.error ? html`<div class="banner error" id="login-error">${o.error}</div>` : ''}
<form method="post" action="/login"><label for="password">Admin password</label><input type="password" id="password" name="password" autocomplete="current-password" autofocus required>
<button type="submit" id="login">Log in</button></form></main>`,
  });
}

export function dashboardPage(csrf: string): string {
  return page({
    title: 'Dashboard · launch-ready monitor',
    csrf,
    scripts: ['/assets/common.js', '/assets/dashboard.js'],
    body: html`${topBar(csrf)}<main><h1><span id="product"></span> <span class="muted">· uptime target <span id="target"></span></span></h1>
<div id="banners"></div><p class="counts" id="counts"></p>
<h2>Open incidents</h2><p id="incidents-empty" class="muted">None.</p>
<table id="incidents"><thead><tr><th>Monitor</th><th>Down since</th><th>For</th><th></th><th></th></tr></thead><tbody></tbody></table>
<h2>Monitors</h2>
<table id="monitors"><thead><tr><th>State</th><th>Monitor</th><th>24 h</th><th>7 d</th><th>30 d</th><th>Latency p50/p95, 24 h</th><th>Last</th><th>Budget left</th><th>Checked</th></tr></thead><tbody></tbody></table>
<h2>Recent deploys</h2><ul id="deploys"></ul></main>`,
  });
}

export function monitorPage(csrf: string, id: string): string {
  return page({
    title: 'Monitor · launch-ready monitor',
    csrf,
    scripts: ['/assets/uplot.js', '/assets/common.js', '/assets/monitor.js'],
    styles: ['/assets/uplot.css'],
    data: { monitor: id },
    body: html`${topBar(csrf)}<main data-page="monitor"><h1 id="name"></h1><p id="state"></p>
<p><button id="check-now">Check now</button> <button id="pause">Pause</button></p>
<dl class="facts" id="facts"></dl>
<h2>Latency <button data-range="24h">24 h</button> <button data-range="7d">7 d</button> <button data-range="30d">30 d</button></h2><div class="chart" id="chart"></div>
<h2>Incidents</h2><table id="incidents"><thead><tr><th>#</th><th>Down since</th><th>Duration</th><th>Cause</th><th></th></tr></thead><tbody></tbody></table>
<h2>Checks, last 24 h</h2><table id="results"><thead><tr><th>At</th><th>Result</th><th>Latency</th><th>Status</th><th>Evidence</th></tr></thead><tbody></tbody></table>
<h2>Alert deliveries</h2><table id="deliveries"><thead><tr><th>Queued</th><th>Alert</th><th>Channel</th><th>State</th><th>Attempts</th></tr></thead><tbody></tbody></table></main>`,
  });
}

export interface SettingsView {
  csrf: string;
  tokens: Array<{ id: number; name: string; createdAt: number; lastUsedAt?: number }>;
  newToken?: { name: string; token: string };
  channels: Array<{ name: string; describe: string }>;
  channelProblems: string[];
  heartbeats: Array<{ name: string; url: string }>;
}

const when = (t?: number) => (t ? new Date(t).toISOString().replace('T', ' ').slice(0, 16) : 'never');

export function settingsPage(v: SettingsView): string {
  return page({
    title: 'Settings · launch-ready monitor',
    csrf: v.csrf,
    body: html`${topBar(v.csrf)}<main><h1>Settings</h1>
<h2>API tokens</h2>
${v.newToken ? html`<div class="banner warn">Token "${v.newToken.name}" — copy it now, it is not shown again:<br><code id="new-token">${v.newToken.token}</code></div>` : ''}
<table><thead><tr><th>Name</th><th>Created</th><th>Last used</th><th></th></tr></thead><tbody>
${v.tokens.map((t) => html`<tr><td>${t.name}</td><td>${when(t.createdAt)}</td><td>${when(t.lastUsedAt)}</td><td><form method="post" action="/settings/tokens/${t.id}/delete" class="inline"><input type="hidden" name="_csrf" value="${v.csrf}"><button type="submit">Revoke</button></form></td></tr>`)}
</tbody></table>
<form method="post" action="/settings/tokens"><input type="hidden" name="_csrf" value="${v.csrf}"><input name="name" placeholder="token name, e.g. ci" required> <button type="submit">Create token</button></form>
<h2>Alert channels</h2><ul>${v.channels.map((c) => html`<li><b>${c.name}</b>: ${c.describe}</li>`)}${v.channelProblems.map((p) => html`<li class="problem">${p}</li>`)}</ul>
<h2>Heartbeat push URLs</h2>${v.heartbeats.length ? html`<ul>${v.heartbeats.map((h) => html`<li>${h.name}: <code>${h.url}</code></li>`)}</ul>` : html`<p class="muted">No heartbeat monitors.</p>`}
</main>`,
  });
}

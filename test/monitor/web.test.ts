/** The web layer in process (Hono's app.request): auth, sessions, CSRF, rate limiting, tokens, API, status page, metrics. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setPassword } from '../../src/monitor/web/auth/auth.js';
import { pushToken } from '../../src/monitor/web/auth/tokens.js';
import { createWebApp, SESSION_COOKIE, type WebApp } from '../../src/monitor/web/app.js';
import { BASE_CONFIG, startHarness, type Harness } from './harness.js';
import { startTarget, type Target } from './target.js';

const PASSWORD = 'correct horse battery';

let target: Target;
let h: Harness;
let web: WebApp;

before(async () => {
  target = await startTarget();
  h = await startHarness(`${BASE_CONFIG}monitor:
  routes: false
  hosts: false
  interval: 60s
  timeout: 2s
  statusPage: { title: Acme status, monitors: [api] }
  targets:
    - { name: api, url: "${target.url}", condition: 'status == 200' }
    - { name: internal, url: "http://127.0.0.1:${target.port}/internal-secret-path" }
    - { name: nightly backup, kind: heartbeat, interval: 1h }
`);
  await setPassword(h.service.store, PASSWORD);
  web = await createWebApp(h.service);
  await h.run(2 * 60_000);
});
after(async () => {
  await h.close();
  await target.close();
});

const request = (path: string, init: RequestInit = {}) => web.app.request(`http://127.0.0.1:4100${path}`, init);

async function login(password = PASSWORD): Promise<Response> {
  return request('/login', { method: 'POST', body: new URLSearchParams({ password }), headers: { host: '127.0.0.1:4100' } });
}

async function session(): Promise<{ cookie: string; csrf: string }> {
  const res = await login();
  assert.equal(res.status, 303);
  const cookie = /lr_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
  const page = await (await request('/', { headers: { cookie } })).text();
  const csrf = /<meta name="csrf-token" content="([^"]+)">/.exec(page)![1];
  return { cookie, csrf };
}

describe('monitor web: authentication', () => {
  it('serves /healthz to anyone, and nothing else without a login', async () => {
    assert.equal((await request('/healthz')).status, 200);
    const page = await request('/');
    assert.equal(page.status, 303);
    assert.equal(page.headers.get('location'), '/login');
    const api = await request('/api/dashboard');
    assert.equal(api.status, 401);
    assert.equal((await request('/metrics')).status, 401);
  });

  it('sets a Secure, HttpOnly, SameSite=Strict session cookie on the right password only', async () => {
    const wrong = await login('not the password');
    assert.equal(wrong.status, 401);
    assert.equal(wrong.headers.get('set-cookie'), null);
    const right = await login();
    assert.equal(right.status, 303);
    const cookie = right.headers.get('set-cookie')!;
    assert.match(cookie, new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43};`));
    for (const flag of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/']) assert.ok(cookie.includes(flag), `${flag} in ${cookie}`);
  });

  it('refuses a login posted from another site', async () => {
    const res = await request('/login', { method: 'POST', body: new URLSearchParams({ password: PASSWORD }), headers: { host: '127.0.0.1:4100', origin: 'https://evil.example' } });
    assert.equal(res.status, 403);
  });

  it('rate-limits failed logins, even when the password is right afterwards', async () => {
    // A separate app: its own limiter, the same store.
    const other = await createWebApp(h.service);
    const attempt = (password: string) => other.app.request('http://127.0.0.1:4100/login', { method: 'POST', body: new URLSearchParams({ password }), headers: { host: '127.0.0.1:4100' } });
    for (let i = 0; i < 5; i++) assert.equal((await attempt(`guess ${i}`)).status, 401);
    const blocked = await attempt(PASSWORD);
    assert.equal(blocked.status, 429);
    assert.ok(Number(blocked.headers.get('retry-after')) > 0);
  });

  it('checks the CSRF token and the origin of every state-changing request made with a session', async () => {
    const { cookie, csrf } = await session();
    const post = (headers: Record<string, string>) => request('/api/deploys', { method: 'POST', body: JSON.stringify({ version: 'v1.2.3' }), headers: { cookie, host: '127.0.0.1:4100', 'content-type': 'application/json', ...headers } });
    assert.equal((await post({})).status, 403, 'no token');
    assert.equal((await post({ 'x-csrf-token': 'forged' })).status, 403, 'wrong token');
    assert.equal((await post({ 'x-csrf-token': csrf, origin: 'https://evil.example' })).status, 403, 'foreign origin');
    assert.equal((await post({ 'x-csrf-token': csrf, 'sec-fetch-site': 'cross-site' })).status, 403, 'cross-site fetch');
    const ok = await post({ 'x-csrf-token': csrf, origin: 'http://127.0.0.1:4100' });
    assert.equal(ok.status, 201);
    assert.equal(((await ok.json()) as { version: string; source: string }).source, 'admin');
  });

  it('logs out with the form (CSRF field), and the old cookie no longer works', async () => {
    const { cookie, csrf } = await session();
    const out = await request('/logout', { method: 'POST', body: new URLSearchParams({ _csrf: csrf }), headers: { cookie, host: '127.0.0.1:4100' } });
    assert.equal(out.status, 303);
    assert.match(out.headers.get('set-cookie') ?? '', /lr_session=;/);
    assert.equal((await request('/api/dashboard', { headers: { cookie } })).status, 401);
  });

  it('accepts API tokens without CSRF, refuses unknown ones, and only a session creates tokens', async () => {
    const { cookie, csrf } = await session();
    const created = await request('/api/tokens', { method: 'POST', body: JSON.stringify({ name: 'ci' }), headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' } });
    assert.equal(created.status, 201);
    const { token } = (await created.json()) as { token: string };
    assert.match(token, /^lrm_[A-Za-z0-9_-]{43}$/);
    const auth = { authorization: `Bearer ${token}` };
    assert.equal((await request('/api/dashboard', { headers: auth })).status, 200);
    assert.equal((await request('/api/dashboard', { headers: { authorization: 'Bearer lrm_nope' } })).status, 401);
    const deploy = await request('/api/deploys', { method: 'POST', body: JSON.stringify({ version: 'v2' }), headers: { ...auth, 'content-type': 'application/json' } });
    assert.equal(deploy.status, 201);
    assert.equal((await request('/api/tokens', { method: 'POST', body: '{}', headers: auth })).status, 403);
    const stored = await h.service.store.apiTokens();
    assert.ok(stored.some((t) => t.name === 'ci' && t.lastUsedAt !== undefined));
  });

  it('sends security headers and never caches logged-in pages', async () => {
    const { cookie } = await session();
    const res = await request('/', { headers: { cookie } });
    assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });
});

describe('monitor web: API and pages', () => {
  it('gives the dashboard data: every monitor with state, uptime and sparkline', async () => {
    const { cookie } = await session();
    const data = (await (await request('/api/dashboard', { headers: { cookie } })).json()) as { monitors: Array<{ name: string; state: string; uptime: { d1?: number }; spark: { p50: unknown[] } }> };
    const api = data.monitors.find((m) => m.name === 'api')!;
    assert.equal(api.state, 'up');
    assert.equal(api.uptime.d1, 1);
    assert.equal(api.spark.p50.length, 24);
    assert.equal(data.monitors.find((m) => m.name === 'nightly backup')!.state, 'pending');
  });

  it('creates, refuses and deletes monitors through the API, keeping config monitors read-only', async () => {
    const { cookie, csrf } = await session();
    const headers = { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' };
    const bad = await request('/api/monitors', { method: 'POST', headers, body: JSON.stringify({ name: 'x', url: target.url, condition: 'stauts == 200' }) });
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(await bad.json()), /did you mean \\"status\\"/);
    const created = await request('/api/monitors', { method: 'POST', headers, body: JSON.stringify({ name: 'from api', url: target.url, interval: '30s' }) });
    assert.equal(created.status, 201);
    const list = (await (await request('/api/monitors', { headers: { cookie } })).json()) as Array<{ id: string; source: string }>;
    assert.ok(list.some((m) => m.id === 'api:from api' && m.source === 'api'));
    assert.equal((await request('/api/monitors/config%3Aapi', { method: 'PUT', headers, body: JSON.stringify({ name: 'api', url: target.url }) })).status, 409);
    assert.equal((await request('/api/monitors/config%3Aapi', { method: 'DELETE', headers })).status, 409);
    assert.equal((await request('/api/monitors/api%3Afrom%20api', { method: 'DELETE', headers })).status, 200);
    assert.equal(h.service.engine.monitor('api:from api'), undefined);
  });

  it('pauses and resumes a config monitor without touching the file', async () => {
    const { cookie, csrf } = await session();
    const headers = { cookie, 'x-csrf-token': csrf };
    assert.equal((await request('/api/monitors/config%3Ainternal/pause', { method: 'POST', headers })).status, 200);
    assert.equal(h.service.engine.monitor('config:internal')!.state, 'paused');
    assert.equal(h.service.engine.scheduler.has('config:internal'), false);
    assert.equal((await request('/api/monitors/config%3Ainternal/resume', { method: 'POST', headers })).status, 200);
    assert.equal(h.service.engine.scheduler.has('config:internal'), true);
  });

  it('shows settings: creates a token shown once, lists channels and push URLs', async () => {
    const { cookie, csrf } = await session();
    const created = await request('/settings/tokens', { method: 'POST', body: new URLSearchParams({ _csrf: csrf, name: 'grafana' }), headers: { cookie, host: '127.0.0.1:4100' } });
    const page = await created.text();
    assert.match(page, /<code id="new-token">lrm_[A-Za-z0-9_-]{43}<\/code>/);
    assert.match(page, /<b>stdout<\/b>: standard output/);
    assert.match(page, /nightly backup: <code>http:\/\/127\.0\.0\.1:4100\/push\/[A-Za-z0-9_-]{24}<\/code>/);
    const again = await (await request('/settings', { headers: { cookie } })).text();
    assert.ok(!again.includes('new-token'), 'the token is not shown again');
  });

  it('runs a check now on request', async () => {
    const { cookie, csrf } = await session();
    const before = h.service.engine.checks;
    const res = await request('/api/monitors/config%3Aapi/check', { method: 'POST', headers: { cookie, 'x-csrf-token': csrf } });
    assert.equal(res.status, 200);
    await h.clock.advance(0);
    assert.equal(h.service.engine.checks, before + 1);
  });

  it('takes heartbeat pings at a secret push URL', async () => {
    const good = await request(`/push/${pushToken((await h.service.store.setting('instance-secret'))!, 'config:nightly backup')}`);
    assert.equal(good.status, 200);
    assert.equal((await request('/push/not-a-token')).status, 404);
    await h.run(60 * 60_000, 60_000);
    assert.equal(h.service.engine.monitor('config:nightly backup')!.state, 'up');
  });

  it('publishes only the public monitors on the status page, without targets or evidence', async () => {
    const res = await request('/status');
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.match(text, /Acme status/);
    assert.match(text, /<h2>api <span class="state operational">Operational/);
    assert.ok(!text.includes('internal'), 'non-public monitors are not listed');
    assert.ok(!text.includes('127.0.0.1') && !text.includes('/health'), 'no URLs');
    assert.equal((text.match(/<i class=/g) ?? []).length, 90, '90 daily bars');
  });

  it('exposes Prometheus metrics to API clients', async () => {
    const { cookie } = await session();
    const text = await (await request('/metrics', { headers: { cookie } })).text();
    assert.match(text, /^launch_ready_monitor_up\{monitor="api",kind="http"\} 1$/m);
    assert.match(text, /^launch_ready_check_latency_seconds_bucket\{monitor="api",kind="http",le="\+Inf"\} \d+$/m);
    assert.match(text, /^launch_ready_uptime_ratio\{monitor="api",kind="http",window="24h"\} 1$/m);
    assert.match(text, /^launch_ready_monitor_offline 0$/m);
    assert.ok(!text.includes(target.url));
  });
});

/**
 * The monitor's web app (Hono): login, dashboard and monitor pages, the JSON API, the public
 * status page, /metrics, /healthz and heartbeat push URLs.
 *
 * Auth: pages and the API need a session cookie or an API token (`Authorization: Bearer lrm_…`).
 * Every state-changing request made with a session must carry its CSRF token (the
 * `x-csrf-token` header, or a `_csrf` form field) and must not come from another origin
 * (Origin / Sec-Fetch-Site); token requests carry no ambient credential, so they need neither.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { monitorTargetSchema } from '../../config/schema.js';
import { problemsFromZod, expectationMessages, formatPath } from '../../config/zod-issues.js';
import { targetSpec } from '../from-config.js';
import type { MonitorService } from '../service.js';
import { Auth } from './auth/auth.js';
import { LoginLimiter } from './auth/login-limiter.js';
import { pushToken, randomToken, sameSecret } from './auth/tokens.js';
import { APP_CSS } from './client/styles.js';
import { COMMON_JS } from './client/common-js.js';
import { DASHBOARD_JS } from './client/dashboard-js.js';
import { MONITOR_JS } from './client/monitor-js.js';
import { dashboardData } from './data/dashboard.js';
import { isRange, monitorDetail } from './data/monitor-detail.js';
import { statusData } from './data/status.js';
import { dashboardPage, loginPage, monitorPage, settingsPage } from './pages/pages.js';
import { statusPage } from './pages/status-page.js';

export const SESSION_COOKIE = 'lr_session';
const INSTANCE_SECRET = 'instance-secret';

type Principal = { kind: 'session'; token: string; csrf: string } | { kind: 'token'; name: string };
type Env = { Variables: { principal: Principal } };

const require = createRequire(import.meta.url);
const UPLOT_JS = readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8');
const UPLOT_CSS = readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  // Not no-referrer: with it, browsers send `Origin: null` on form posts and the origin check could not tell them apart.
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function remoteAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** A request from a page of another site: refused for anything that changes state. */
function crossSite(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = c.req.header('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host !== c.req.header('host');
  } catch {
    return true;
  }
}

export interface WebApp {
  app: Hono<Env>;
  auth: Auth;
}

export async function createWebApp(service: MonitorService, options: { secureCookies?: boolean } = {}): Promise<WebApp> {
  const app = new Hono<Env>();
  const auth = new Auth(service.store, service.clock);
  const limiter = new LoginLimiter(() => service.clock.now());
  let instanceSecret = await service.store.setting(INSTANCE_SECRET);
  if (!instanceSecret) {
    instanceSecret = randomToken();
    await service.store.setSetting(INSTANCE_SECRET, instanceSecret);
  }
  const secret = instanceSecret;
  const secure = options.secureCookies ?? true;

  app.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.header(k, v);
  });

  // ---- open to everyone ------------------------------------------------------------------------
  const asset = (type: string, body: string) => (c: Context) => c.body(body, 200, { 'content-type': type, 'cache-control': 'public, max-age=3600' });
  app.get('/assets/app.css', asset('text/css; charset=utf-8', APP_CSS));
  app.get('/assets/uplot.css', asset('text/css; charset=utf-8', UPLOT_CSS));
  app.get('/assets/uplot.js', asset('text/javascript; charset=utf-8', UPLOT_JS));
  app.get('/assets/common.js', asset('text/javascript; charset=utf-8', COMMON_JS));
  app.get('/assets/dashboard.js', asset('text/javascript; charset=utf-8', DASHBOARD_JS));
  app.get('/assets/monitor.js', asset('text/javascript; charset=utf-8', MONITOR_JS));

  app.get('/healthz', (c) => {
    const self = service.selfCheck.current;
    return c.json({ ok: true, monitors: service.engine.scheduler.size, checks: service.engine.checks, offline: self ? !self.online : false, configError: service.configError ?? null });
  });

  app.get('/status', async (c) => {
    if (!service.engine.monitors().some((m) => m.spec.public)) return c.text('No public status page: list monitors under monitor.statusPage.monitors to publish one.', 404);
    return c.html(statusPage(await statusData(service)), 200, { 'cache-control': 'public, max-age=30' });
  });
  app.get('/status.json', async (c) => {
    if (!service.engine.monitors().some((m) => m.spec.public)) return c.json({ error: 'no public status page' }, 404);
    return c.json(await statusData(service));
  });

  const push = (c: Context) => {
    const token = c.req.param('token') ?? '';
    const monitor = service.engine.monitors().find((m) => m.spec.kind === 'heartbeat' && sameSecret(pushToken(secret, m.spec.id), token));
    if (!monitor || !service.engine.ping(monitor.spec.id)) return c.json({ error: 'unknown push token' }, 404);
    return c.json({ ok: true, monitor: monitor.spec.name });
  };
  app.get('/push/:token', push);
  app.post('/push/:token', push);

  app.get('/login', async (c) => c.html(loginPage({ noPassword: !(await auth.hasPassword()) })));
  app.post('/login', async (c) => {
    if (crossSite(c)) return c.text('cross-site login refused', 403);
    const address = remoteAddress(c);
    const wait = limiter.retryAfter(address);
    if (wait > 0) return c.html(loginPage({ error: `Too many failed logins; try again in ${Math.ceil(wait / 60_000)} min.` }), 429, { 'retry-after': String(Math.ceil(wait / 1000)) });
    const form = await c.req.parseBody();
    const session = await auth.login(typeof form.password === 'string' ? form.password : '');
    if (!session) {
      limiter.failed(address);
      return c.html(loginPage({ error: 'Wrong password.', noPassword: !(await auth.hasPassword()) }), 401);
    }
    limiter.succeeded(address);
    setCookie(c, SESSION_COOKIE, session.token, { httpOnly: true, secure, sameSite: 'Strict', path: '/', maxAge: session.maxAgeS });
    return c.redirect('/', 303);
  });

  // ---- everything below needs a session or an API token ---------------------------------------
  const authenticate: MiddlewareHandler<Env> = async (c, next) => {
    const bearer = /^Bearer (\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (bearer) {
      const name = await auth.apiClient(bearer);
      if (!name) return c.json({ error: 'invalid API token' }, 401);
      c.set('principal', { kind: 'token', name });
      return next();
    }
    const session = await auth.session(getCookie(c, SESSION_COOKIE));
    if (!session) {
      if (c.req.path.startsWith('/api/') || c.req.path === '/metrics') return c.json({ error: 'log in, or send an API token (Authorization: Bearer lrm_…)' }, 401);
      return c.redirect('/login', 303);
    }
    if (UNSAFE_METHODS.has(c.req.method)) {
      const sent = c.req.header('x-csrf-token') ?? (c.req.header('content-type')?.includes('form') ? String((await c.req.parseBody())._csrf ?? '') : '');
      if (crossSite(c) || !sent || !sameSecret(sent, session.csrf)) return c.json({ error: 'CSRF check failed: reload the page and try again' }, 403);
    }
    c.set('principal', { kind: 'session', ...session });
    c.header('cache-control', 'no-store');
    return next();
  };
  for (const path of ['/', '/monitors/*', '/settings', '/settings/*', '/logout', '/api/*', '/metrics']) app.use(path, authenticate);

  const csrfOf = (c: Context<Env>) => {
    const p = c.get('principal');
    return p.kind === 'session' ? p.csrf : '';
  };
  const who = (c: Context<Env>) => {
    const p = c.get('principal');
    return p.kind === 'session' ? 'admin' : `token ${p.name}`;
  };

  app.post('/logout', async (c) => {
    const p = c.get('principal');
    if (p.kind === 'session') await auth.logout(p.token);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure });
    return c.redirect('/login', 303);
  });

  app.get('/', (c) => c.html(dashboardPage(csrfOf(c))));
  app.get('/monitors/:id', (c) => (service.engine.monitor(c.req.param('id')) ? c.html(monitorPage(csrfOf(c), c.req.param('id'))) : c.text('No such monitor', 404)));

  const renderSettings = async (c: Context<Env>, newToken?: { name: string; token: string }) =>
    c.html(
      settingsPage({
        csrf: csrfOf(c),
        tokens: await service.store.apiTokens(),
        ...(newToken ? { newToken } : {}),
        channels: [...service.channelSet.channels.values()].map((ch) => ({ name: ch.name, describe: ch.describe })),
        channelProblems: service.channelSet.problems,
        heartbeats: service.engine
          .monitors()
          .filter((m) => m.spec.kind === 'heartbeat')
          .map((m) => ({ name: m.spec.name, url: new URL(`/push/${pushToken(secret, m.spec.id)}`, service.dashboardUrl ?? 'http://127.0.0.1:4100/').toString() })),
      }),
    );
  app.get('/settings', (c) => renderSettings(c));
  app.post('/settings/tokens', async (c) => {
    const name = String((await c.req.parseBody()).name ?? '').trim().slice(0, 60) || 'token';
    const created = await auth.createApiToken(name);
    return renderSettings(c, { name, token: created.token });
  });
  app.post('/settings/tokens/:id/delete', async (c) => {
    await service.store.deleteApiToken(Number(c.req.param('id')));
    return c.redirect('/settings', 303);
  });

  app.get('/metrics', async (c) => c.text(await service.metrics.render(service), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }));

  // ---- JSON API --------------------------------------------------------------------------------
  app.get('/api/dashboard', async (c) => c.json(await dashboardData(service)));

  app.get('/api/monitors', (c) =>
    c.json(service.engine.monitors().map((m) => ({ id: m.spec.id, name: m.spec.name, kind: m.spec.kind, source: m.spec.source, paused: m.spec.paused, state: m.error ? 'error' : m.state, since: m.since }))),
  );
  app.get('/api/monitors/:id', async (c) => {
    const range = c.req.query('range');
    const detail = await monitorDetail(service, c.req.param('id'), isRange(range) ? range : '24h');
    return detail ? c.json(detail) : c.json({ error: 'no such monitor' }, 404);
  });

  const parseTarget = async (c: Context<Env>) => {
    const body = await c.req.json().catch(() => undefined);
    const parsed = monitorTargetSchema.safeParse(body, { error: expectationMessages, reportInput: true });
    if (!parsed.success) return { error: problemsFromZod(parsed.error, monitorTargetSchema).map((p) => `${formatPath(p.path)}: ${p.message}`) };
    return { spec: targetSpec(parsed.data, service.monitorConfig, 'api') };
  };
  app.post('/api/monitors', async (c) => {
    const { spec, error } = await parseTarget(c);
    if (!spec) return c.json({ error: 'invalid monitor', problems: error }, 400);
    if (service.engine.monitors().some((m) => m.spec.name === spec.name)) return c.json({ error: `a monitor is already named "${spec.name}"` }, 409);
    await service.store.saveApiMonitor(spec, service.clock.now());
    await service.applyApiChange();
    return c.json({ id: spec.id, name: spec.name, createdBy: who(c) }, 201);
  });
  app.put('/api/monitors/:id', async (c) => {
    const current = service.engine.monitor(c.req.param('id'));
    if (!current) return c.json({ error: 'no such monitor' }, 404);
    if (current.spec.source !== 'api') return c.json({ error: 'this monitor is declared in launch-ready.yaml: edit it there (the file is reloaded on save)' }, 409);
    const { spec, error } = await parseTarget(c);
    if (!spec) return c.json({ error: 'invalid monitor', problems: error }, 400);
    if (spec.id !== current.spec.id) return c.json({ error: 'the name identifies the monitor and cannot change; delete it and create another' }, 400);
    await service.store.saveApiMonitor(spec, service.clock.now());
    await service.applyApiChange();
    return c.json({ id: spec.id });
  });
  app.delete('/api/monitors/:id', async (c) => {
    const current = service.engine.monitor(c.req.param('id'));
    if (!current) return c.json({ error: 'no such monitor' }, 404);
    if (current.spec.source !== 'api') return c.json({ error: 'this monitor is declared in launch-ready.yaml: remove it there, or add it to monitor.exclude' }, 409);
    await service.store.deleteApiMonitor(current.spec.id, service.clock.now());
    await service.applyApiChange();
    return c.json({ deleted: current.spec.id });
  });
  for (const action of ['pause', 'resume'] as const) {
    app.post(`/api/monitors/:id/${action}`, async (c) => ((await service.setPaused(c.req.param('id'), action === 'pause')) ? c.json({ ok: true }) : c.json({ error: 'no such monitor' }, 404)));
  }
  app.post('/api/monitors/:id/check', (c) => (service.engine.checkNow(c.req.param('id')) ? c.json({ ok: true }) : c.json({ error: 'no such monitor, or it cannot run' }, 404)));

  app.post('/api/incidents/:id/ack', async (c) => {
    const incident = await service.incidents.acknowledge(Number(c.req.param('id')), who(c));
    return incident ? c.json(incident) : c.json({ error: 'no such incident' }, 404);
  });
  app.get('/api/incidents', async (c) => c.json(await service.store.incidents({ limit: Math.min(500, Number(c.req.query('limit') ?? 100) || 100) })));

  app.get('/api/deploys', async (c) => c.json(await service.store.deploys(service.clock.now() - 30 * 86_400_000, service.clock.now() + 1)));
  app.post('/api/deploys', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { version?: unknown; note?: unknown };
    if (typeof body.version !== 'string' || !body.version.trim()) return c.json({ error: 'expected { "version": "…", "note"?: "…" }' }, 400);
    const deploy = await service.store.addDeploy({ at: service.clock.now(), version: body.version.trim().slice(0, 100), ...(typeof body.note === 'string' ? { note: body.note.slice(0, 300) } : {}), source: who(c) });
    return c.json(deploy, 201);
  });

  app.get('/api/maintenance', async (c) => c.json({ config: service.monitorConfig.maintenance, api: await service.store.maintenanceWindows() }));
  app.post('/api/maintenance', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { name?: unknown; monitors?: unknown; start?: unknown; durationMinutes?: unknown; repeat?: unknown };
    const start = typeof body.start === 'string' ? Date.parse(body.start) : service.clock.now();
    const minutes = Number(body.durationMinutes);
    const monitors = Array.isArray(body.monitors) ? body.monitors.filter((m): m is string => typeof m === 'string') : undefined;
    if (typeof body.name !== 'string' || !body.name.trim() || Number.isNaN(start) || !(minutes > 0) || (body.repeat !== undefined && body.repeat !== 'daily' && body.repeat !== 'weekly')) {
      return c.json({ error: 'expected { "name": "…", "durationMinutes": N, "start"?: ISO time (default now), "monitors"?: [names], "repeat"?: "daily" | "weekly" }' }, 400);
    }
    const window = await service.store.addMaintenance({ name: body.name.trim(), startMs: start, durationMs: minutes * 60_000, ...(monitors?.length ? { monitors } : {}), ...(body.repeat ? { repeat: body.repeat as 'daily' | 'weekly' } : {}) });
    await service.refreshMaintenance();
    return c.json(window, 201);
  });
  app.delete('/api/maintenance/:id', async (c) => {
    const ok = await service.store.deleteMaintenance(Number(c.req.param('id')));
    await service.refreshMaintenance();
    return ok ? c.json({ ok }) : c.json({ error: 'no such maintenance window' }, 404);
  });

  app.get('/api/tokens', async (c) => c.json(await service.store.apiTokens()));
  app.post('/api/tokens', async (c) => {
    if (c.get('principal').kind !== 'session') return c.json({ error: 'API tokens are created by the admin, from a session' }, 403);
    const body = (await c.req.json().catch(() => ({}))) as { name?: unknown };
    const created = await auth.createApiToken(typeof body.name === 'string' && body.name.trim() ? body.name.trim().slice(0, 60) : 'token');
    return c.json(created, 201);
  });
  app.delete('/api/tokens/:id', async (c) => ((await service.store.deleteApiToken(Number(c.req.param('id')))) ? c.json({ ok: true }) : c.json({ error: 'no such token' }, 404)));

  app.notFound((c) => c.text('Not found', 404));
  app.onError((err, c) => {
    process.stderr.write(`launch-ready monitor: ${err.stack ?? err.message}\n`);
    return c.json({ error: 'internal error' }, 500);
  });
  return { app, auth };
}

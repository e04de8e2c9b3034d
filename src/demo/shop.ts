/**
 * The demo shop: one deployment (production, the previous release, or staging) of a small but real
 * storefront and API. Host-level behaviour (TLS, redirects, HSTS, security headers, CDN, compression)
 * belongs to the front; app-level faults are read here, at request time, for the request's host.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { botBehaviour, createChatbot, FAULT_HOOK_HEADER, type ChatSession } from './chatbot.js';
import type { FaultName, FaultState } from './faults.js';
import { latencyFaults } from './latency-faults.js';
import { makeDemoKeys, servedLeaks, storefrontBuilds, type DemoKeys } from './leaks.js';
import { publicOrder, type OrderStore } from './orders.js';
import { accountPage, adminPage, checkoutPage, errorPage, homePage, loginPage, welcomePage, type PageContext } from './pages.js';
import { ServerTiming } from './server-timing.js';
import { httpToolGateway } from './tool-gateway.js';

export interface Deployment {
  version: string;
  commit: string;
  environment: 'production' | 'staging' | 'preview';
  builtAt: string;
}

export interface ShopOptions {
  deployment: Deployment;
  faults: FaultState;
  orders: OrderStore;
  /** Origin the storefront's script calls for chat. */
  apiOrigin: string;
  /** Origins allowed to call the API with credentials. */
  allowedOrigins: readonly string[];
  /** Shared secret payment webhooks are signed with (HMAC-SHA256 of the body, hex). */
  webhookSecret: string;
  /** The keys a leaky build or deploy exposes (src/demo/leaks.ts); fresh ones when absent. */
  keys?: DemoKeys;
  /** Where the bot's data tools call out over HTTP (src/demo/tool-gateway.ts); in process only when absent. */
  toolGateway?: string;
}

type Env = { Variables: { timing: ServerTiming } };

const MAX_SESSIONS = 1000;
const MAX_MESSAGE = 2000;
const HTML_CACHE = 'no-cache';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A Map that forgets its oldest entries past `max`, so sessions can't grow without bound. */
function remember<K, V>(map: Map<K, V>, key: K, value: V, max = MAX_SESSIONS): void {
  map.set(key, value);
  while (map.size > max) map.delete(map.keys().next().value as K);
}

function hostOf(c: Context): string {
  return (c.req.header('host') ?? '').replace(/:\d+$/, '').toLowerCase();
}

function signatureMatches(secret: string, body: string, signature: string): boolean {
  const expected = Buffer.from(createHmac('sha256', secret).update(body).digest('hex'));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function createShop(options: ShopOptions): Hono<Env> {
  const { deployment, faults, orders } = options;
  const keys = options.keys ?? makeDemoKeys();
  const bot = createChatbot(orders, options.toolGateway ? httpToolGateway(options.toolGateway) : undefined);
  const logins = new Map<string, string>();
  const chats = new Map<string, ChatSession>();
  const fault = (c: Context, name: FaultName) => faults.on(name, hostOf(c));
  // The build a host serves depends on its bundle faults; pages name that build's fingerprinted files.
  const buildFor = storefrontBuilds(deployment.version, options.apiOrigin, keys);
  const pageOf = (c: Context): PageContext => ({ bundle: buildFor((name) => fault(c, name)), version: deployment.version, environment: deployment.environment });

  const app = new Hono<Env>();

  // Tracing: a request id and a Server-Timing breakdown on every response (the orders API loses
  // both under `tracing-missing`).
  app.use('*', async (c, next) => {
    const timing = new ServerTiming();
    c.set('timing', timing);
    await next();
    if (c.req.path.startsWith('/api/orders') && fault(c, 'tracing-missing')) return;
    c.header('X-Request-Id', randomUUID());
    c.header('Server-Timing', timing.header());
  });

  // CORS (Fetch standard §3.2): credentials only for the shop's own origins, never a reflected one.
  app.use('/api/*', async (c, next) => {
    const origin = c.req.header('origin');
    const allowed = origin !== undefined && (fault(c, 'cors-reflect') || options.allowedOrigins.includes(origin));
    if (c.req.method === 'OPTIONS' && origin) {
      c.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      c.header('Access-Control-Allow-Headers', 'content-type');
      c.header('Access-Control-Max-Age', '600');
    } else {
      await next();
    }
    if (allowed) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Allow-Credentials', 'true');
    }
    c.header('Vary', 'Origin', { append: true });
    if (c.req.method === 'OPTIONS' && origin) return c.body(null, 204);
  });

  // Slow order lookups, chat stalls and overload, history scans, no model timeout: before the routes they wrap.
  app.use('/api/*', latencyFaults({ on: fault, orders }));

  // /.env and /.git/ served from the deploy folder (env-file-served, git-folder-served).
  app.use('*', servedLeaks({ on: fault, keys }));

  app.get('/', (c) => {
    if (fault(c, 'private-cached')) {
      // A per-visitor cookie on a page any shared cache may store and hand to the next visitor.
      setCookie(c, 'cart_id', randomUUID(), { path: '/', secure: true, httpOnly: true, sameSite: 'Lax' });
      c.header('Cache-Control', 'public, max-age=3600');
    } else {
      c.header('Cache-Control', HTML_CACHE);
    }
    return c.html(homePage(pageOf(c)));
  });

  app.get('/assets/:file', (c) => {
    const bundle = buildFor((name) => fault(c, name));
    const asset = [bundle.script, bundle.style, bundle.map].find((a) => a?.path === c.req.path);
    if (!asset) return c.text('Not found', 404);
    c.header('Content-Type', asset.contentType);
    c.header('Cache-Control', fault(c, 'static-uncached') ? 'no-cache' : IMMUTABLE);
    return c.body(asset.body);
  });

  app.get('/login', (c) => {
    c.header('Cache-Control', HTML_CACHE);
    return c.html(loginPage(pageOf(c)));
  });

  app.post('/login', async (c) => {
    c.header('Cache-Control', 'no-store');
    const type = c.req.header('content-type') ?? '';
    const form = type.includes('json') ? ((await c.req.json().catch(() => ({}))) as Record<string, unknown>) : await c.req.parseBody();
    const email = typeof form.email === 'string' ? form.email.trim().toLowerCase() : '';
    const password = typeof form.password === 'string' ? form.password : '';
    // The demo accepts any well-formed email with a password of four or more characters.
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || password.length < 4) return c.html(loginPage(pageOf(c), 'Check your email and password.'), 401);
    const session = randomUUID();
    remember(logins, session, email);
    setCookie(c, 'session', session, fault(c, 'cookie-insecure') ? { path: '/' } : { path: '/', secure: true, httpOnly: true, sameSite: 'Lax', maxAge: 60 * 60 * 24 * 14 });
    return c.html(welcomePage(pageOf(c), email));
  });

  // The OAuth/OIDC redirect target (RFC 6749 §4.1.2): the identity provider sends the browser back
  // with `code` and `state`; a real app exchanges the code, then lands the customer on their account.
  app.get('/auth/callback', (c) => {
    c.header('Cache-Control', 'no-store');
    if (fault(c, 'login-callback-broken')) return c.html(errorPage(pageOf(c), 500, 'Sign-in failed: OAUTH_CLIENT_SECRET is not set in this release.'), 500);
    if (!c.req.query('code') || !c.req.query('state')) return c.html(errorPage(pageOf(c), 400, 'Sign-in link is incomplete: code and state are required.'), 400);
    return c.redirect('/account', 302);
  });

  app.get('/account', (c) => {
    c.header('Cache-Control', 'private, no-store');
    const session = getCookie(c, 'session');
    const email = session ? logins.get(session) : undefined;
    const mine = email ? c.var.timing.measure('db', () => orders.forCustomer(email)) : [];
    return c.html(accountPage(pageOf(c), email, mine));
  });

  app.get('/checkout', (c) => {
    c.header('Cache-Control', 'no-store');
    if (fault(c, 'checkout-down')) return c.html(errorPage(pageOf(c), 502, 'Checkout is unavailable: the payment service did not answer.'), 502);
    return c.html(checkoutPage(pageOf(c)));
  });

  app.get('/admin', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.html(adminPage(pageOf(c)));
  });

  app.get('/robots.txt', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    // An empty Disallow allows everything (RFC 9309 §2.2.2).
    return c.text(`User-agent: *\nDisallow:\n\nSitemap: https://www.acme.test/sitemap.xml\n`);
  });

  app.get('/sitemap.xml', (c) => {
    c.header('Content-Type', 'application/xml; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://www.acme.test/</loc></url><url><loc>https://www.acme.test/login</loc></url></urlset>\n`);
  });

  app.get('/api', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ name: 'Acme Shop API', version: deployment.version, endpoints: ['/api/version', '/api/health', '/api/orders/:id?email=', '/api/chat'] });
  });

  app.get('/api/version', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ version: deployment.version, commit: deployment.commit, environment: deployment.environment, builtAt: deployment.builtAt });
  });

  function dependencies(c: Context<Env>) {
    const started = performance.now();
    const count = c.var.timing.measure('db', () => orders.count());
    const database = { status: count > 0 ? 'ok' : 'degraded', latencyMs: Math.round((performance.now() - started) * 100) / 100 };
    return { database, model: { status: 'ok', provider: 'acme-rules', latencyMs: 0 } };
  }

  app.get('/api/health', (c) => {
    c.header('Cache-Control', 'no-store');
    if (fault(c, 'health-shallow')) return c.json({ status: 'ok' });
    return c.json({ status: 'ok', version: deployment.version, checks: dependencies(c) });
  });

  app.get('/api/chat/health', (c) => {
    c.header('Cache-Control', 'no-store');
    if (fault(c, 'chat-health-missing')) return c.json({ error: 'not found' }, 404);
    return c.json({ status: 'ok', checks: dependencies(c) });
  });

  app.get('/api/orders/:id', (c) => {
    c.header('Cache-Control', 'private, no-store');
    const email = c.req.query('email') ?? '';
    const order = c.var.timing.measure('db', () => orders.lookup(c.req.param('id'), email));
    if (!order) return c.json({ error: 'order not found', hint: 'give the email the order was placed with as ?email=' }, 404);
    return c.json({ order: publicOrder(order) });
  });

  app.post('/api/chat', async (c) => {
    c.header('Cache-Control', 'no-store');
    const input = (await c.req.json().catch(() => undefined)) as { message?: unknown; sessionId?: unknown } | undefined;
    if (!input || typeof input.message !== 'string' || input.message.trim() === '' || input.message.length > MAX_MESSAGE) {
      return c.json({ error: `send JSON {"message": "...", "sessionId": "..."} with a message of 1 to ${MAX_MESSAGE} characters` }, 400);
    }
    const id = typeof input.sessionId === 'string' && /^[\w-]{1,64}$/.test(input.sessionId) ? input.sessionId : randomUUID();
    const session = chats.get(id) ?? { id, history: [] };
    remember(chats, id, session);
    const timing = c.var.timing;
    // Personas and outages are demo faults; the eval's fault hook asks for an outage per request.
    const behaviour = botBehaviour((name) => fault(c, name), c.req.header(FAULT_HOOK_HEADER));
    const thinking = performance.now();
    const turn = await bot.reply(input.message as string, session, behaviour, (work) => timing.measure('db', work));
    timing.add('model', performance.now() - thinking);
    if (turn.delayMs) await new Promise((resolve) => setTimeout(resolve, turn.delayMs));
    return c.json({ reply: turn.reply, tools: turn.tools, sessionId: id }, turn.status ?? 200);
  });

  app.post('/api/webhooks/payments', async (c) => {
    c.header('Cache-Control', 'no-store');
    const body = await c.req.text();
    let event: { type?: unknown };
    try {
      event = JSON.parse(body) as { type?: unknown };
    } catch {
      return c.json({ error: 'body is not JSON' }, 400);
    }
    // Pings prove reachability and carry no data; every other event must be signed.
    if (event.type === 'ping') return c.json({ received: true });
    const signature = c.req.header('x-acme-signature');
    if (!signature || !signatureMatches(options.webhookSecret, body, signature)) return c.json({ error: 'bad or missing x-acme-signature' }, 401);
    return c.json({ received: true, type: event.type });
  });

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return c.json({ error: 'not found' }, 404);
    return c.html(errorPage(pageOf(c), 404, 'There is nothing here.'), 404);
  });

  return app;
}

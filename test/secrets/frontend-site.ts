/**
 * A deployed shop that leaks, served on loopback for the frontend-scan tests: a bundle with keys, a
 * referenced source map carrying server code, a chunk with an inline source map, a map found only
 * at `<script>.map`, `/.env`, `/.git/`, Finder metadata, and a catch-all 200 page for everything
 * else (the soft 404 the scanner must not mistake for a leak).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { Server } from 'node:net';
import { seeded } from '../fixtures/secrets/generate.js';

const r = seeded(99);
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const URLSAFE = `${ALNUM}-_`;

export const LEAKS = {
  openai: `sk-proj-${r.chars(URLSAFE, 156)}`,
  stripeSecret: `sk_live_51${r.chars(ALNUM, 97)}`,
  stripePublishable: `pk_live_51${r.chars(ALNUM, 97)}`,
  firebase: `AIza${r.chars(URLSAFE, 35)}`,
  anthropic: `sk-ant-api03-${r.chars(URLSAFE, 93)}AA`,
  dbPassword: r.chars(ALNUM, 24),
  sendgrid: `SG.${r.chars(URLSAFE, 22)}.${r.chars(URLSAFE, 43)}`,
  envStripe: `sk_live_51${r.chars(ALNUM, 97)}`,
  gitToken: `ghp_${r.chars(ALNUM, 36)}`,
};

const SOFT_404 = '<!doctype html><html><head><title>Acme</title></head><body><div id="root">Page not found</div></body></html>';

function map(sources: Record<string, string>): string {
  return JSON.stringify({ version: 3, file: 'x.js', sources: Object.keys(sources), sourcesContent: Object.values(sources), names: [], mappings: 'AAAA' });
}

const inlineMap = Buffer.from(map({ 'webpack://shop/./src/server/mail.ts': `export const mailer = new MailService('${LEAKS.sendgrid}');\n` })).toString('base64');

const ROUTES: Record<string, { type: string; body: string }> = {
  '/': {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html><head><link rel="stylesheet" href="/assets/app.css"><link rel="manifest" href="/manifest.webmanifest">
<script>window.__ACME__ = { stripeKey: "${LEAKS.stripePublishable}" };</script>
<script src="/assets/app.3f9a1c2b.js" defer></script></head>
<body><a href="/about">About</a> <a href="https://elsewhere.example/">partner</a></body></html>`,
  },
  '/about': { type: 'text/html', body: '<!doctype html><html><body><h1>About</h1><script src="/assets/about.js"></script></body></html>' },
  '/assets/app.3f9a1c2b.js': {
    type: 'application/javascript',
    body: `!function(){var f={apiKey:"${LEAKS.firebase}",authDomain:"acme-shop.firebaseapp.com",projectId:"acme-shop"};
function chat(t){return fetch("https://api.openai.com/v1/chat/completions",{headers:{Authorization:"Bearer ${LEAKS.openai}"},body:t})}
var pay={secret:"${LEAKS.stripeSecret}"};import("/assets/chunk-chat.js");window.acme={f:f,chat:chat,pay:pay}}();
//# sourceMappingURL=app.3f9a1c2b.js.map`,
  },
  '/assets/app.3f9a1c2b.js.map': {
    type: 'application/json',
    body: map({
      'webpack://shop/./src/app.ts': 'export const greet = () => "hello";\n',
      'webpack://shop/./src/server/db.ts': `import { Pool } from 'pg';\n\nexport const pool = new Pool({ connectionString: 'postgres://shop_admin:${LEAKS.dbPassword}@db.acme-prod.com:5432/shop' });\n`,
    }),
  },
  '/assets/chunk-chat.js': { type: 'application/javascript', body: `export const claude="${LEAKS.anthropic}";\n//# sourceMappingURL=data:application/json;base64,${inlineMap}` },
  '/assets/about.js': { type: 'application/javascript', body: 'console.log("about");' },
  '/assets/about.js.map': { type: 'application/json', body: map({ 'src/about.ts': 'console.log("about");\n' }) },
  '/assets/app.css': { type: 'text/css', body: '.btn{color:red}' },
  '/manifest.webmanifest': { type: 'application/manifest+json', body: '{"name":"Acme Shop","short_name":"Acme","start_url":"/"}' },
  '/.env': { type: 'text/plain', body: `NODE_ENV=production\nSTRIPE_SECRET_KEY=${LEAKS.envStripe}\nDATABASE_URL=postgres://shop:${LEAKS.dbPassword}@db.acme-prod.com/shop\n` },
  '/.git/config': {
    type: 'text/plain',
    body: `[core]\n\trepositoryformatversion = 0\n\tbare = false\n[remote "origin"]\n\turl = https://x-access-token:${LEAKS.gitToken}@github.com/acme/shop.git\n`,
  },
  '/.git/HEAD': { type: 'text/plain', body: 'ref: refs/heads/main\n' },
  '/.DS_Store': { type: 'application/octet-stream', body: '\0\0\0\x01Bud1\0\0\0\0assets' },
};

function handler(requests: string[]) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    if (path === '/home') return res.writeHead(301, { location: '/' }).end();
    const route = ROUTES[path];
    if (route) return res.writeHead(200, { 'content-type': route.type }).end(route.body);
    // A single-page app's catch-all: 200 and the shell for any path.
    res.writeHead(200, { 'content-type': 'text/html' }).end(SOFT_404);
  };
}

/** Serves the site on loopback, over HTTPS when given a certificate. */
export async function startLeakySite(tls?: { certPem: string; keyPem: string }): Promise<{ server: Server; origin: string; port: number; requests: string[] }> {
  const requests: string[] = [];
  const server = tls ? createTlsServer({ cert: tls.certPem, key: tls.keyPem }, handler(requests)) : createServer(handler(requests));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { server, origin: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`, port, requests };
}

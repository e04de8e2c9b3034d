/**
 * The demo's planted secrets and what leaks them (issue 3 §3): keys made at world start, random and in
 * each provider's shape (the repository never holds anything live-looking); the storefront builds
 * that inline them into the bundle or publish a source map of server code; and the files a careless
 * deploy serves (`/.env`, `/.git/`). With the faults off the same paths answer the shop's 404.
 */
import { randomInt } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { buildBundle, type BuildOptions, type Bundle } from './assets.js';
import type { FaultName } from './faults.js';

export interface DemoKeys {
  /** The OpenAI project key the client code reads from NEXT_PUBLIC_OPENAI_API_KEY. */
  openai: string;
  /** An earlier OpenAI key, pasted into the code and removed a commit later (repo-key-in-history). */
  openaiEarlier: string;
  stripeSecret: string;
  stripePublishable: string;
  firebase: { apiKey: string; messagingSenderId: string; appId: string };
  databasePassword: string;
}

const DIGITS = '0123456789';
const ALNUM = `ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz${DIGITS}`;
const URLSAFE = `${ALNUM}-_`;

function randomChars(alphabet: string, n: number): string {
  return Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** Fresh keys for one world, shaped as the providers issue them (OpenAI project keys, Stripe `51…` account keys). */
export function makeDemoKeys(): DemoKeys {
  const senderId = randomChars(DIGITS, 12);
  return {
    openai: `sk-proj-${randomChars(URLSAFE, 156)}`,
    openaiEarlier: `sk-proj-${randomChars(URLSAFE, 156)}`,
    stripeSecret: `sk_live_51${randomChars(ALNUM, 97)}`,
    stripePublishable: `pk_live_51${randomChars(ALNUM, 97)}`,
    firebase: { apiKey: `AIza${randomChars(URLSAFE, 35)}`, messagingSenderId: senderId, appId: `1:${senderId}:web:${randomChars('0123456789abcdef', 22)}` },
    databasePassword: randomChars(ALNUM, 24),
  };
}

export function databaseUrl(keys: DemoKeys): string {
  return `postgres://acme_app:${keys.databasePassword}@db.internal.acme.test:5432/acme_shop`;
}

/** The production environment file, as committed (repo-env-committed) and as served (env-file-served). */
export function productionDotenv(keys: DemoKeys, openaiVariable = 'OPENAI_API_KEY'): string {
  return [
    '# Production settings for the Acme Shop deploy',
    'NODE_ENV=production',
    `DATABASE_URL=${databaseUrl(keys)}`,
    `STRIPE_SECRET_KEY=${keys.stripeSecret}`,
    `NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=${keys.stripePublishable}`,
    `NEXT_PUBLIC_FIREBASE_API_KEY=${keys.firebase.apiKey}`,
    `${openaiVariable}=${keys.openai}`,
    '',
  ].join('\n');
}

/** The Firebase web config: shipped to every browser by design. */
function firebaseConfig(keys: DemoKeys): Record<string, unknown> {
  return {
    apiKey: keys.firebase.apiKey,
    authDomain: 'acme-shop.firebaseapp.com',
    projectId: 'acme-shop',
    storageBucket: 'acme-shop.appspot.com',
    messagingSenderId: keys.firebase.messagingSenderId,
    appId: keys.firebase.appId,
  };
}

/** What the bundler inlines: the public keys always; under bundle-secret-keys also the secret ones a client module read. */
function inlinedEnv(keys: DemoKeys, secretKeys: boolean): Record<string, unknown> {
  return {
    stripePublishableKey: keys.stripePublishable,
    firebase: firebaseConfig(keys),
    ...(secretKeys ? { openaiApiKey: keys.openai, stripeSecretKey: keys.stripeSecret } : {}),
  };
}

/** A server module the client code imported, so the bundler shipped it, and the source map publishes it. */
function serverDatabaseModule(keys: DemoKeys): string {
  return `import { Pool } from 'pg';

// Order status for the chat widget.
export const pool = new Pool({
  connectionString: '${databaseUrl(keys)}',
  max: 10,
});

export async function orderStatus(id) {
  const { rows } = await pool.query('select status from orders where id = $1', [id]);
  return rows[0]?.status;
}
`;
}

/** The storefront build a host gets, by which of the bundle faults are on there (each variant built once). */
export function storefrontBuilds(version: string, apiOrigin: string, keys: DemoKeys): (on: (name: FaultName) => boolean) => Bundle {
  const builds = new Map<string, Bundle>();
  return (on) => {
    const secretKeys = on('bundle-secret-keys');
    const sourceMap = on('sourcemap-db-url');
    const variant = `${secretKeys}/${sourceMap}`;
    let bundle = builds.get(variant);
    if (!bundle) {
      const options: BuildOptions = { env: inlinedEnv(keys, secretKeys), ...(sourceMap ? { mapSources: { 'webpack://acme-shop/./src/server/db.js': serverDatabaseModule(keys) } } : {}) };
      bundle = buildBundle(version, apiOrigin, options);
      builds.set(variant, bundle);
    }
    return bundle;
  };
}

const GIT_CONFIG = `[core]
\trepositoryformatversion = 0
\tfilemode = true
\tbare = false
\tlogallrefupdates = true
[remote "origin"]
\turl = https://github.com/acme-shop/storefront.git
\tfetch = +refs/heads/*:refs/remotes/origin/*
[branch "main"]
\tremote = origin
\tmerge = refs/heads/main
`;

export interface ServedLeakOptions {
  /** Whether the fault is on for this request's host. */
  on(c: Context, name: FaultName): boolean;
  keys: DemoKeys;
}

/** The deploy folder's dotfiles, served as static files under env-file-served and git-folder-served; otherwise passed on (to the 404). */
export function servedLeaks(options: ServedLeakOptions): MiddlewareHandler {
  const files: Record<string, { fault: FaultName; body: () => string }> = {
    '/.env': { fault: 'env-file-served', body: () => productionDotenv(options.keys) },
    '/.git/config': { fault: 'git-folder-served', body: () => GIT_CONFIG },
    '/.git/HEAD': { fault: 'git-folder-served', body: () => 'ref: refs/heads/main\n' },
  };
  return async (c, next) => {
    const file = Object.hasOwn(files, c.req.path) ? files[c.req.path] : undefined;
    if (!file || (c.req.method !== 'GET' && c.req.method !== 'HEAD') || !options.on(c, file.fault)) return next();
    c.header('Content-Type', 'text/plain; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(file.body());
  };
}

/**
 * The demo shop's source repository (issue 3 §3), made with real git commits in a temporary folder
 * at world start, so `secrets --history` and `env` have a project to read: a small Next.js shop
 * whose history, tracked files and .env.local carry the repository faults. A switched fault rebuilds
 * it in place; authors and dates are fixed, so the history reads the same at every start.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { devNull, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { FaultName, FaultState } from './faults.js';
import { productionDotenv, type DemoKeys } from './leaks.js';

const run = promisify(execFile);

const REPO_FAULTS: readonly FaultName[] = ['repo-key-in-history', 'repo-env-committed', 'repo-public-secret'];

const DANA = { name: 'Dana Founder', email: 'dana@acme.test' };
const SAM = { name: 'Sam Engineer', email: 'sam@acme.test' };

interface Commit {
  message: string;
  author: { name: string; email: string };
  date: string;
  /** Files written (path → text) before the commit. */
  files: Record<string, string>;
}

export interface DemoRepo {
  /** Absolute path of the repository's working tree. */
  dir: string;
  /** Resolves once the repository matches every fault switched so far. */
  settled(): Promise<void>;
  /** Stops following the faults and deletes the folder. */
  close(): Promise<void>;
}

const PACKAGE_JSON = `${JSON.stringify(
  {
    name: 'acme-shop',
    private: true,
    scripts: { dev: 'next dev', build: 'next build', start: 'next start' },
    dependencies: { firebase: '10.13.0', next: '14.2.5', openai: '4.56.0', pg: '8.12.0', react: '18.3.1', stripe: '16.8.0' },
  },
  null,
  2,
)}\n`;

const DB = `import { Pool } from 'pg';

export const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
`;

const STRIPE = `import Stripe from 'stripe';

export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
`;

const FIREBASE = `import { initializeApp } from 'firebase/app';

export const firebase = initializeApp({
  apiKey: process.env.NEXT_PUBLIC_FIREBASE_API_KEY,
  authDomain: 'acme-shop.firebaseapp.com',
  projectId: 'acme-shop',
});
`;

const CHECKOUT = `'use client';
import { loadStripe } from '@stripe/stripe-js';

export const stripePromise = loadStripe(process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY!);
`;

/** The support assistant: a server route (the fix), or client code holding the key (repo-public-secret). */
function assistant(apiKey: string, inClient: boolean): { path: string; text: string } {
  if (inClient) {
    return {
      path: 'src/components/assistant.ts',
      text: `'use client';
import OpenAI from 'openai';

const openai = new OpenAI({ apiKey: ${apiKey}, dangerouslyAllowBrowser: true });

export async function suggest(question: string) {
  const reply = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });
  return reply.choices[0].message.content;
}
`,
    };
  }
  return {
    path: 'src/app/api/assistant/route.ts',
    text: `import OpenAI from 'openai';

const openai = new OpenAI({ apiKey: ${apiKey} });

export async function POST(request: Request) {
  const { question } = await request.json();
  const reply = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });
  return Response.json({ answer: reply.choices[0].message.content });
}
`,
  };
}

/** The commits of the repository as the faults have it. */
function history(keys: DemoKeys, on: (name: FaultName) => boolean): Commit[] {
  const publicSecret = on('repo-public-secret');
  const openaiVariable = publicSecret ? 'NEXT_PUBLIC_OPENAI_API_KEY' : 'OPENAI_API_KEY';
  const fromEnv = assistant(`process.env.${openaiVariable}`, publicSecret);
  const example = ['DATABASE_URL=', 'STRIPE_SECRET_KEY=', 'NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=', 'NEXT_PUBLIC_FIREBASE_API_KEY=', `${openaiVariable}=`, ''].join('\n');
  const ignored = ['node_modules/', '.next/', ...(on('repo-env-committed') ? [] : ['.env']), '.env*.local', ''].join('\n');
  const commits: Commit[] = [
    {
      message: 'Start the Acme shop: Next.js, Postgres, Stripe, Firebase sign-in',
      author: DANA,
      date: '2026-09-14T10:12:00+01:00',
      files: {
        'package.json': PACKAGE_JSON,
        '.gitignore': ignored,
        '.env.example': example,
        'README.md': '# Acme Shop\n\nCopy `.env.example` to `.env.local`, fill it in, then `npm run dev`.\n',
        'src/lib/db.ts': DB,
        'src/lib/stripe.ts': STRIPE,
        'src/lib/firebase.ts': FIREBASE,
        'src/app/checkout/stripe.ts': CHECKOUT,
      },
    },
  ];
  if (on('repo-key-in-history')) {
    const pasted = assistant(`'${keys.openaiEarlier}'`, publicSecret);
    commits.push(
      { message: 'Add the support assistant', author: SAM, date: '2026-10-02T16:40:00+01:00', files: { [pasted.path]: pasted.text } },
      { message: 'Read the OpenAI key from the environment', author: SAM, date: '2026-10-03T09:05:00+01:00', files: { [fromEnv.path]: fromEnv.text } },
    );
  } else {
    commits.push({ message: 'Add the support assistant', author: SAM, date: '2026-10-02T16:40:00+01:00', files: { [fromEnv.path]: fromEnv.text } });
  }
  if (on('repo-env-committed')) {
    commits.push({ message: 'Add the production settings for the deploy', author: DANA, date: '2026-11-18T18:22:00+01:00', files: { '.env': productionDotenv(keys, openaiVariable) } });
  }
  return commits;
}

/**
 * Runs git in the demo folder only: no GIT_* variables from the caller (a GIT_DIR set by a hook would
 * point elsewhere), no user or system config (hooks, signing, templates), a fixed identity and date.
 */
function git(dir: string, args: string[], commit?: Commit): Promise<unknown> {
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_')));
  Object.assign(env, { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: devNull, GIT_TERMINAL_PROMPT: '0' });
  if (commit) {
    Object.assign(env, {
      GIT_AUTHOR_NAME: commit.author.name,
      GIT_AUTHOR_EMAIL: commit.author.email,
      GIT_AUTHOR_DATE: commit.date,
      GIT_COMMITTER_NAME: commit.author.name,
      GIT_COMMITTER_EMAIL: commit.author.email,
      GIT_COMMITTER_DATE: commit.date,
    });
  }
  return run('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, env });
}

async function build(dir: string, keys: DemoKeys, faults: FaultState): Promise<void> {
  for (const entry of await readdir(dir)) await rm(join(dir, entry), { recursive: true, force: true });
  await git(dir, ['init', '-q']);
  for (const commit of history(keys, (name) => faults.on(name))) {
    for (const [path, text] of Object.entries(commit.files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    await git(dir, ['add', '-A']);
    await git(dir, ['commit', '-q', '-m', commit.message], commit);
  }
  // The developer's own settings: git-ignored, never committed, read by the build (and by `launch-ready env`).
  if (faults.on('repo-public-secret')) await writeFile(join(dir, '.env.local'), `NEXT_PUBLIC_OPENAI_API_KEY=${keys.openai}\n`);
}

/** Folders are named for the process that owns them: `launch-ready-demo-repo-<pid>-XXXXXX`. */
const FOLDER_PREFIX = 'launch-ready-demo-repo-';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the repositories of worlds that were killed (SIGKILL skips close()): their owner process is gone. */
async function removeOrphans(): Promise<void> {
  const names = await readdir(tmpdir()).catch(() => []);
  const owner = new RegExp(`^${FOLDER_PREFIX}(\\d+)-`);
  await Promise.all(
    names.map(async (name) => {
      const pid = Number(owner.exec(name)?.[1]);
      if (pid && !isRunning(pid)) await rm(join(tmpdir(), name), { recursive: true, force: true }).catch(() => undefined);
    }),
  );
}

/** Creates the repository; it follows the repository faults until closed. Needs git on the PATH. */
export async function createDemoRepo(faults: FaultState, keys: DemoKeys): Promise<DemoRepo> {
  await removeOrphans();
  const dir = await mkdtemp(join(tmpdir(), `${FOLDER_PREFIX}${process.pid}-`));
  let current = build(dir, keys, faults);
  try {
    await current;
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`The demo world could not create its git repository in ${dir} (is git installed?): ${(err as Error).message}`);
  }
  // Rebuilds run one after another; each reads the faults as they are when it starts.
  const unsubscribe = faults.subscribe((name) => {
    if (REPO_FAULTS.includes(name)) current = current.catch(() => undefined).then(() => build(dir, keys, faults));
  });
  return {
    dir,
    settled: () => current,
    close: async () => {
      unsubscribe();
      await current.catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

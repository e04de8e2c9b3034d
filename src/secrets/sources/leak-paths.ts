/**
 * Well-known files that should never be served, each with the content signature that tells the
 * real file from a catch-all page (issue 3 §1). A signature names what it saw, never a value.
 */
import type { LeakCategory } from '../artifact.js';

export interface LeakPath {
  path: string;
  category: LeakCategory;
  /** What the body shows when it is the real file; undefined when it is not. */
  recognise(body: string): string | undefined;
}

const looksHtml = (body: string) => /^\s*(?:<!doctype html|<html|<head|<body)/i.test(body);

/** `6 variables: DATABASE_URL, STRIPE_SECRET_KEY, …` when most meaningful lines are `NAME=value`. */
function dotenv(body: string): string | undefined {
  if (looksHtml(body)) return undefined;
  const lines = body.split(/\r?\n/).filter((l) => l.trim() && !l.trim().startsWith('#'));
  const names = lines.map((l) => /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(l)?.[1]).filter((n): n is string => Boolean(n));
  if (names.length === 0 || names.length < lines.length / 2) return undefined;
  return `${names.length} variable${names.length === 1 ? '' : 's'}: ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}`;
}

function gitConfig(body: string): string | undefined {
  if (!/^\s*\[core\]/m.test(body) || !/repositoryformatversion/.test(body)) return undefined;
  const remote = /^\s*url\s*=\s*(\S+)/m.exec(body)?.[1];
  let where = '';
  if (remote) {
    try {
      const u = new URL(remote);
      where = `; remote ${u.hostname}${u.pathname}${u.password || u.username ? ' (with credentials in the URL)' : ''}`;
    } catch {
      where = `; remote ${remote.replace(/^[^@]*@/, '')}`;
    }
  }
  return `git config with a [core] section${where}`;
}

function gitHead(body: string): string | undefined {
  const ref = /^ref: (refs\/\S+)\s*$/.exec(body)?.[1];
  if (ref) return `HEAD points at ${ref}`;
  return /^[0-9a-f]{40}\s*$/.test(body) ? 'HEAD holds a commit id' : undefined;
}

function jsonObject(body: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(body);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function configJson(body: string): string | undefined {
  const o = jsonObject(body);
  return o ? `JSON object with keys ${Object.keys(o).slice(0, 8).join(', ') || '(none)'}` : undefined;
}

function envScript(body: string): string | undefined {
  if (looksHtml(body) || !/(?:window|globalThis|self)\.[\w$]+\s*=|process\.env|export\s|(?:var|let|const)\s+\w+\s*=/.test(body)) return undefined;
  return 'a script defining runtime configuration';
}

export const LEAK_PATHS: readonly LeakPath[] = [
  { path: '/.env', category: 'env-file', recognise: dotenv },
  { path: '/.env.local', category: 'env-file', recognise: dotenv },
  { path: '/.env.production', category: 'env-file', recognise: dotenv },
  { path: '/.git/config', category: 'git', recognise: gitConfig },
  { path: '/.git/HEAD', category: 'git', recognise: gitHead },
  { path: '/config.json', category: 'frontend-config', recognise: configJson },
  { path: '/env.js', category: 'frontend-config', recognise: envScript },
  { path: '/__env.js', category: 'frontend-config', recognise: envScript },
  // Finder's folder metadata: a "Bud1" buddy-allocator file listing the folder's file names.
  { path: '/.DS_Store', category: 'sensitive-file', recognise: (b) => (b.startsWith('\0\0\0\x01Bud1') ? 'Finder metadata listing the folder’s file names' : undefined) },
  { path: '/backup.zip', category: 'sensitive-file', recognise: (b) => (b.startsWith('PK\x03\x04') ? 'a zip archive' : undefined) },
  {
    path: '/.npmrc',
    category: 'sensitive-file',
    recognise: (b) => (!looksHtml(b) && /^\s*(?:registry\s*=|\/\/\S+:_authToken|_auth\s*=|always-auth)/m.test(b) ? `npm configuration${/_auth/.test(b) ? ' with registry credentials' : ''}` : undefined),
  },
  {
    path: '/.vscode/sftp.json',
    category: 'sensitive-file',
    recognise: (b) => {
      const o = jsonObject(b);
      if (!o || typeof o.host !== 'string' || !('username' in o || 'password' in o || 'privateKeyPath' in o)) return undefined;
      return `an editor's SFTP deploy config for ${o.host}${'password' in o ? ' with a password' : ''}`;
    },
  },
];

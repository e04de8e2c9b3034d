/**
 * Where code reads environment variables: Node (`process.env.X`, `process.env['X']`, destructuring),
 * Vite (`import.meta.env.X`), Deno, Bun, Python (`os.environ`, `os.getenv`), Ruby (`ENV[...]`,
 * `ENV.fetch`), Prisma schemas (`env("X")`) and compose files (`${X}` interpolation).
 */
import { LineIndex } from '../secrets/lines.js';
import type { EnvRead } from './types.js';

interface ReadPattern {
  syntax: string;
  re: RegExp;
  /** Capture group holding the name. */
  group: number;
}

const NAME = '([A-Za-z_][A-Za-z0-9_]*)';
const QUOTED_NAME = `(["'\`])${NAME}\\1`;

const JS: ReadPattern[] = [
  { syntax: 'process.env', re: new RegExp(`\\bprocess\\.env\\.${NAME}`, 'g'), group: 1 },
  { syntax: 'process.env', re: new RegExp(`\\bprocess\\.env\\[\\s*${QUOTED_NAME}\\s*\\]`, 'g'), group: 2 },
  { syntax: 'import.meta.env', re: new RegExp(`\\bimport\\.meta\\.env\\.${NAME}`, 'g'), group: 1 },
  { syntax: 'import.meta.env', re: new RegExp(`\\bimport\\.meta\\.env\\[\\s*${QUOTED_NAME}\\s*\\]`, 'g'), group: 2 },
  { syntax: 'Deno.env.get', re: new RegExp(`\\bDeno\\.env\\.get\\(\\s*${QUOTED_NAME}`, 'g'), group: 2 },
  { syntax: 'Bun.env', re: new RegExp(`\\bBun\\.env\\.${NAME}`, 'g'), group: 1 },
];
const PYTHON: ReadPattern[] = [
  { syntax: 'os.environ', re: new RegExp(`\\b(?:os\\.)?environ(?:\\.get\\(\\s*|\\[\\s*)${QUOTED_NAME}`, 'g'), group: 2 },
  { syntax: 'os.getenv', re: new RegExp(`\\b(?:os\\.)?getenv\\(\\s*${QUOTED_NAME}`, 'g'), group: 2 },
];
const RUBY: ReadPattern[] = [{ syntax: 'ENV[]', re: new RegExp(`\\bENV(?:\\.fetch\\(\\s*|\\[\\s*)${QUOTED_NAME}`, 'g'), group: 2 }];
const PRISMA: ReadPattern[] = [{ syntax: 'env()', re: new RegExp(`\\benv\\(\\s*"${NAME}"\\s*\\)`, 'g'), group: 1 }];
const COMPOSE: ReadPattern[] = [{ syntax: '${VAR}', re: new RegExp(`\\$\\{${NAME}(?:[:?+-][^}]*)?\\}`, 'g'), group: 1 }];

/** `const { A, B: b, C = 'x', ...rest } = process.env` */
const DESTRUCTURING = /\b(?:const|let|var)\s*\{([^}]*)\}\s*=\s*(process\.env|import\.meta\.env|Bun\.env)\b/g;

/** Values Vite defines itself on import.meta.env. */
const VITE_BUILTINS = new Set(['MODE', 'BASE_URL', 'PROD', 'DEV', 'SSR']);

const JS_FILE = /\.(?:[cm]?[jt]sx?|vue|svelte|astro)$/i;

export function isComposeFile(path: string): boolean {
  return /(?:^|\/)(?:docker-)?compose[\w.-]*\.ya?ml$/i.test(path);
}

function patternsFor(path: string): ReadPattern[] | undefined {
  if (JS_FILE.test(path)) return JS;
  if (/\.py$/i.test(path)) return PYTHON;
  if (/\.(?:rb|rake)$|(?:^|\/)(?:Gemfile|Rakefile)$/i.test(path)) return RUBY;
  if (/\.prisma$/i.test(path)) return PRISMA;
  if (isComposeFile(path)) return COMPOSE;
  return undefined;
}

export function readsCode(path: string): boolean {
  return patternsFor(path) !== undefined;
}

export interface NamedRead extends EnvRead {
  name: string;
}

export function findReads(path: string, text: string): NamedRead[] {
  const patterns = patternsFor(path);
  if (!patterns) return [];
  const lines = new LineIndex(text);
  const out: NamedRead[] = [];
  const add = (name: string, index: number, syntax: string) => {
    if (syntax === 'import.meta.env' && VITE_BUILTINS.has(name)) return;
    out.push({ name, file: path, ...lines.position(index), syntax });
  };
  for (const p of patterns) for (const m of text.matchAll(p.re)) add(m[p.group], m.index, p.syntax);
  if (patterns === JS) {
    for (const m of text.matchAll(DESTRUCTURING)) {
      for (const part of m[1].split(',')) {
        const name = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:[:=]|$)/.exec(part)?.[1];
        if (name) add(name, m.index + m[0].indexOf(name), m[2]);
      }
    }
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

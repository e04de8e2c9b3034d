/**
 * File globs for `--cases` (Node 20 has no fs.glob): `*` and `?` within a path segment, `**` for
 * any number of folders. Relative patterns are read from `cwd`; results are sorted.
 */
import { readdir } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

function patternOf(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (glob.startsWith('**/', i)) {
      re += '(?:[^/]+/)*';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      re += '.*';
      i += 1;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

async function walk(dir: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) await walk(path, out);
    else if (e.isFile()) out.push(path);
  }
}

/** Files matching `glob`; a pattern without wildcards is returned as the one path it names. */
export async function expandGlob(glob: string, cwd = process.cwd()): Promise<string[]> {
  const absolute = isAbsolute(glob) ? glob : resolve(cwd, glob);
  if (!/[*?]/.test(glob)) return [absolute];
  const normalised = absolute.split(sep).join('/');
  const fixed = normalised.slice(0, normalised.search(/[*?]/)).replace(/[^/]*$/, '');
  const base = fixed.replace(/\/$/, '') || '/';
  const files: string[] = [];
  await walk(base, files);
  const pattern = patternOf(normalised.slice(fixed.length));
  return files.filter((f) => pattern.test(relative(base, f).split(sep).join('/'))).sort();
}

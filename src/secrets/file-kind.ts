/** What kind of file a path is: vendored, binary, a lockfile, env-style or code. */

/** Folders of third-party or generated dependencies: scanning them finds other people's test keys. */
const VENDORED = new Set(['node_modules', 'bower_components', 'jspm_packages', 'vendor', '.yarn', '.pnpm-store', '.git', '.hg', '.svn', '__pycache__', '.venv', 'venv', 'site-packages', '.terraform', '.gradle']);

const BINARY_EXTENSIONS = new Set(
  ('png jpg jpeg gif webp avif ico bmp tif tiff psd heic woff woff2 ttf otf eot mp3 mp4 m4a mov avi mkv webm ogg wav flac ' +
    'zip gz tgz bz2 xz 7z rar zst jar war ear class so dylib dll exe bin o a lib obj pdf doc docx xls xlsx ppt pptx odt ' +
    'sqlite sqlite3 db wasm node pyc pyo dat iso dmg pack idx').split(' '),
);

const LOCKFILES = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'gemfile.lock', 'poetry.lock', 'pipfile.lock', 'cargo.lock', 'composer.lock', 'go.sum', 'uv.lock']);

const ENV_STYLE_EXTENSIONS = new Set(['env', 'ini', 'cfg', 'conf', 'properties', 'toml', 'yaml', 'yml', 'sh', 'bash', 'zsh', 'tfvars', 'txt', 'npmrc', 'netrc']);

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export function isVendored(path: string): boolean {
  return path.split('/').some((segment) => VENDORED.has(segment));
}

export function hasBinaryExtension(path: string): boolean {
  return BINARY_EXTENSIONS.has(extension(baseName(path)));
}

/** Git's own heuristic: a NUL byte in the first 8000 bytes means binary. */
export function isBinaryContent(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8000).includes(0);
}

export function isLockfile(path: string): boolean {
  return LOCKFILES.has(baseName(path).toLowerCase());
}

/** `.env*`, shell, YAML, INI-like files write bare `KEY=value`; everything else is code, where values are quoted literals. */
export function styleOf(path: string): 'env' | 'code' {
  const name = baseName(path).toLowerCase();
  if (name.startsWith('.env') || name.endsWith('.env') || name.startsWith('dockerfile') || name === 'procfile' || name === '.npmrc' || name === '.netrc') return 'env';
  return ENV_STYLE_EXTENSIONS.has(extension(name)) ? 'env' : 'code';
}

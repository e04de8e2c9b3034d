/**
 * Whether a URL names a content-hashed build file (`app.3f2a9c1b.js`, `index-BxT3k9aQ.js`,
 * `main.1a2b3c4d5e.css`): such a file never changes under its name, so it can be cached for a year.
 */
export function fingerprintOf(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const file = decodeURIComponent(path.split('/').at(-1) ?? '');
  const stem = file.includes('.') ? file.slice(0, file.lastIndexOf('.')) : file;
  // Hex of 8+ (a digest), or 8+ base36/base64url characters mixing letters and digits (bundler hashes),
  // which plain words such as `vendors` or `application` never do.
  return stem
    .split(/[.\-_~]/)
    .find((s) => /^[0-9a-f]{8,}$/i.test(s) || (/^[0-9a-z]{8,}$/i.test(s) && /\d/.test(s) && /[a-z]/i.test(s)));
}

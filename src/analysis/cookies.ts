/** Set-Cookie parsing (RFC 6265 §5.2) and the judgements the cookie checks share. */

export interface SetCookie {
  name: string;
  value: string;
  secure: boolean;
  httpOnly: boolean;
  /** The SameSite attribute as written (`Lax`, `Strict`, `None`), absent when not set. */
  sameSite?: string;
  maxAge?: number;
  expires?: string;
}

export function parseSetCookie(header: string): SetCookie | undefined {
  const [pair, ...attributes] = header.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return undefined;
  const cookie: SetCookie = { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), secure: false, httpOnly: false };
  for (const attribute of attributes) {
    const [rawKey, ...rest] = attribute.split('=');
    const key = rawKey.trim().toLowerCase();
    const value = rest.join('=').trim();
    if (key === 'secure') cookie.secure = true;
    else if (key === 'httponly') cookie.httpOnly = true;
    else if (key === 'samesite' && value) cookie.sameSite = value;
    else if (key === 'max-age' && /^-?\d+$/.test(value)) cookie.maxAge = Number(value);
    else if (key === 'expires' && value) cookie.expires = value;
  }
  return cookie;
}

/** A Set-Cookie that clears a cookie (logout) carries nothing worth protecting. */
export function isDeletion(cookie: SetCookie, now: string): boolean {
  if (cookie.value === '' || cookie.value === '""') return true;
  if (cookie.maxAge !== undefined) return cookie.maxAge <= 0;
  const expires = cookie.expires ? Date.parse(cookie.expires) : NaN;
  return !Number.isNaN(expires) && expires <= Date.parse(now);
}

/**
 * A session or auth cookie: any cookie a login response sets, or a name frameworks and people give
 * them (PHPSESSID, connect.sid, next-auth.session-token, access_token, remember_me…). CSRF
 * double-submit cookies are left out: scripts must read them, so HttpOnly would break them.
 */
export function isSessionCookie(name: string, setByLogin: boolean): boolean {
  if (/csrf|xsrf/i.test(name)) return false;
  return setByLogin || /sess|(^|[^a-z])sid($|[^a-z])|auth|token|jwt|remember|login|^\.aspnetcore\./i.test(name);
}

/** Attributes a session cookie should carry but does not. */
export function missingProtections(cookie: SetCookie): string[] {
  const missing: string[] = [];
  if (!cookie.secure) missing.push('Secure');
  if (!cookie.httpOnly) missing.push('HttpOnly');
  if (!cookie.sameSite) missing.push('SameSite');
  return missing;
}

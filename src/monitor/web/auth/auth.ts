/**
 * One admin, a password and sessions (issue 7 §4). The password hash is set by
 * `launch-ready monitor set-password`, or on first start from LAUNCH_READY_ADMIN_PASSWORD. A
 * session is a random id in a cookie (Secure, HttpOnly, SameSite=Strict) with a CSRF token of its
 * own; API clients send `Authorization: Bearer lrm_…` tokens instead.
 */
import type { Clock } from '../../clock.js';
import type { MonitorStore } from '../../store/store.js';
import { hashPassword, verifyPassword, weakPassword } from './password.js';
import { newApiToken, randomToken, tokenHash } from './tokens.js';

export const PASSWORD_SETTING = 'admin-password';
export const PASSWORD_ENV = 'LAUNCH_READY_ADMIN_PASSWORD';
const SESSION_MS = 12 * 3_600_000;

export async function setPassword(store: MonitorStore, password: string): Promise<void> {
  const problem = weakPassword(password);
  if (problem) throw new Error(problem);
  await store.setSetting(PASSWORD_SETTING, await hashPassword(password));
}

export class Auth {
  constructor(
    private readonly store: MonitorStore,
    private readonly clock: Clock,
  ) {}

  /** On first start, takes the password from the environment; returns what happened, for the log. */
  async bootstrap(env: NodeJS.ProcessEnv): Promise<'set' | 'from-env' | 'none'> {
    if (await this.store.setting(PASSWORD_SETTING)) return 'set';
    const fromEnv = env[PASSWORD_ENV];
    if (!fromEnv) return 'none';
    await setPassword(this.store, fromEnv);
    return 'from-env';
  }

  async hasPassword(): Promise<boolean> {
    return (await this.store.setting(PASSWORD_SETTING)) !== undefined;
  }

  /** A new session for the right password. */
  async login(password: string): Promise<{ token: string; csrf: string; maxAgeS: number } | undefined> {
    const stored = await this.store.setting(PASSWORD_SETTING);
    if (!stored || !(await verifyPassword(password, stored))) return undefined;
    const token = randomToken();
    const csrf = randomToken();
    await this.store.createSession(tokenHash(token), { csrf, expiresAt: this.clock.now() + SESSION_MS }, this.clock.now());
    return { token, csrf, maxAgeS: SESSION_MS / 1000 };
  }

  async session(token: string | undefined): Promise<{ csrf: string; token: string } | undefined> {
    if (!token) return undefined;
    const s = await this.store.session(tokenHash(token), this.clock.now());
    return s ? { csrf: s.csrf, token } : undefined;
  }

  async logout(token: string): Promise<void> {
    await this.store.deleteSession(tokenHash(token));
  }

  async apiClient(bearer: string | undefined): Promise<string | undefined> {
    if (!bearer) return undefined;
    return (await this.store.apiToken(tokenHash(bearer), this.clock.now()))?.name;
  }

  /** Creates an API token; the token itself is returned once and never stored. */
  async createApiToken(name: string): Promise<{ id: number; token: string }> {
    const token = newApiToken();
    const id = await this.store.createApiToken(name, tokenHash(token), this.clock.now());
    return { id, token };
  }
}

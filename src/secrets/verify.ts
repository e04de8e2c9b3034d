/**
 * `--verify`: asks the provider whether a key is live, through a harmless "who am I" call, for the
 * providers that have one. Off by default. The base URL is configurable so tests (and a proxy)
 * answer instead of the provider; the key is sent only there and never recorded (the exchange
 * keeps response headers and body, not the request).
 */
import type { HttpExchange } from '../core/artifacts.js';
import type { RequestOptions } from '../net/http-client.js';
import type { RawMatch, Verification } from './types.js';

interface WhoAmI {
  base: string;
  path: string;
  method?: string;
  headers(key: string): Record<string, string>;
  /** Reads the answer; the default is 2xx live, 401/403 rejected. */
  judge?(ex: HttpExchange): Verification;
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

const byStatus = (ex: HttpExchange): Verification => (ex.status === undefined ? 'unknown' : ex.status < 300 ? 'live' : ex.status === 401 || ex.status === 403 ? 'rejected' : 'unknown');

const WHO_AM_I: Record<string, WhoAmI> = {
  openai: { base: 'https://api.openai.com', path: '/v1/models', headers: bearer },
  anthropic: { base: 'https://api.anthropic.com', path: '/v1/models', headers: (key) => ({ 'x-api-key': key, 'anthropic-version': '2023-06-01' }) },
  groq: { base: 'https://api.groq.com', path: '/openai/v1/models', headers: bearer },
  huggingface: { base: 'https://huggingface.co', path: '/api/whoami-v2', headers: bearer },
  github: { base: 'https://api.github.com', path: '/user', headers: (key) => ({ ...bearer(key), accept: 'application/vnd.github+json' }) },
  // A restricted key without the account scope still authenticates: 403 means live, only 401 means revoked.
  stripe: { base: 'https://api.stripe.com', path: '/v1/account', headers: bearer, judge: (ex) => (ex.status === 401 ? 'rejected' : ex.status === 200 || ex.status === 403 ? 'live' : 'unknown') },
  sendgrid: { base: 'https://api.sendgrid.com', path: '/v3/scopes', headers: bearer },
  slack: {
    base: 'https://slack.com',
    path: '/api/auth.test',
    method: 'POST',
    headers: bearer,
    // Slack answers 200 either way; the JSON says whether the token authenticated.
    judge: (ex) => {
      try {
        const body = JSON.parse(ex.body) as { ok?: boolean };
        return body.ok === true ? 'live' : body.ok === false ? 'rejected' : 'unknown';
      } catch {
        return 'unknown';
      }
    },
  },
};

/** Rules whose keys have a who-am-I call; public kinds and webhook URLs are never sent anywhere. */
export function isVerifiable(m: Pick<RawMatch, 'provider' | 'kind' | 'ruleId'>): boolean {
  return m.kind === 'secret' && m.provider in WHO_AM_I && m.ruleId !== 'stripe.webhook-secret';
}

export interface Requester {
  request(url: string, opts?: RequestOptions): Promise<HttpExchange>;
}

export type Verifier = (m: RawMatch) => Promise<Verification | undefined>;

/** A verifier that asks each key once (the same key found twice is one question). */
export function createVerifier(http: Requester, opts: { baseUrl?: string } = {}): Verifier {
  const asked = new Map<string, Promise<Verification>>();
  return async (m) => {
    if (!isVerifiable(m)) return undefined;
    const call = WHO_AM_I[m.provider];
    const key = `${m.provider}\0${m.value}`;
    let answer = asked.get(key);
    if (!answer) {
      const base = (opts.baseUrl ?? call.base).replace(/\/$/, '');
      answer = http.request(`${base}${call.path}`, { method: call.method ?? 'GET', headers: call.headers(m.value), ...(call.method === 'POST' ? { body: '' } : {}) }).then((ex) => (call.judge ?? byStatus)(ex));
      asked.set(key, answer);
    }
    return answer;
  };
}

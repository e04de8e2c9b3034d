/**
 * Recognises a secret written literally into the config. The config is meant to be committed, so
 * secrets may only appear as `${ENV_NAME}` references; anything that looks like a credential is
 * refused. This is a guard for one file, not the repository scanner of the secrets stage: a small
 * table of unmistakable key shapes, plus an entropy test for values under secret-sounding keys.
 */
import { ENV_REF } from './env-refs.js';
import { redact } from '../secrets/redact.js';

export interface SecretLiteral {
  /** What it looks like, e.g. "Stripe live key". */
  kind: string;
  /** Safe to print: a short prefix and the length, never the value. */
  redacted: string;
  /** A name to suggest for the environment variable. */
  envName: string;
}

interface Shape {
  kind: string;
  pattern: RegExp;
  envName?: string;
}

const SHAPES: Shape[] = [
  { kind: 'PEM private key', pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*/, envName: 'PRIVATE_KEY' },
  { kind: 'Slack webhook URL', pattern: /https?:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[\w/]{10,}/, envName: 'SLACK_WEBHOOK_URL' },
  { kind: 'Discord webhook URL', pattern: /https?:\/\/(?:\w+\.)?discord(?:app)?\.com\/api\/webhooks\/\d+\/[\w-]{20,}/, envName: 'DISCORD_WEBHOOK_URL' },
  { kind: 'Stripe live key', pattern: /\b[sr]k_live_[A-Za-z0-9]{10,}/, envName: 'STRIPE_SECRET_KEY' },
  { kind: 'Stripe webhook signing secret', pattern: /\bwhsec_[A-Za-z0-9]{20,}/, envName: 'STRIPE_WEBHOOK_SECRET' },
  // OpenAI (sk-, sk-proj-, sk-svcacct-) and Anthropic (sk-ant-) share the prefix.
  { kind: 'model-provider API key', pattern: /\bsk-[\w-]{20,}/, envName: 'MODEL_API_KEY' },
  { kind: 'Slack token', pattern: /\bxox[bpars]-[A-Za-z0-9-]{10,}/, envName: 'SLACK_TOKEN' },
  { kind: 'GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_\w{20,})/, envName: 'GITHUB_TOKEN' },
  { kind: 'GitLab token', pattern: /\bglpat-[\w-]{20,}/, envName: 'GITLAB_TOKEN' },
  { kind: 'AWS access key id', pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/, envName: 'AWS_ACCESS_KEY_ID' },
  { kind: 'Google API key', pattern: /\bAIza[\w-]{35}/, envName: 'GOOGLE_API_KEY' },
  { kind: 'Hugging Face token', pattern: /\bhf_[A-Za-z0-9]{30,}/, envName: 'HF_TOKEN' },
  { kind: 'npm token', pattern: /\bnpm_[A-Za-z0-9]{36}/, envName: 'NPM_TOKEN' },
  { kind: 'SendGrid API key', pattern: /\bSG\.[\w-]{16,}\.[\w-]{16,}/, envName: 'SENDGRID_API_KEY' },
  { kind: 'JSON Web Token', pattern: /\beyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{10,}/, envName: 'JWT' },
  // RFC 3986 §3.2.1: userinfo may carry "user:password"; a password there is a credential in clear.
  { kind: 'URL with a password', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/]*:[^\s@/]+@[^\s]*/i },
];

/** Key names whose values are credentials, matched word by word (`apiKey`, `x-api-key`, `client_secret`). */
const SECRET_WORDS = new Set([
  'secret', 'secrets', 'token', 'tokens', 'password', 'passwd', 'pwd', 'key', 'apikey', 'webhook',
  'authorization', 'auth', 'credential', 'credentials', 'cookie', 'signature',
]);

const AUTH_SCHEME = /^(?:bearer|basic|token|bot)\s+/i;
const MIN_ENTROPY_LENGTH = 20;
const MIN_BITS_PER_CHAR = 3.5;

function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function isSecretKeyName(key: string): boolean {
  return keyWords(key).some((w) => SECRET_WORDS.has(w));
}

function shannonBitsPerChar(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / s.length) * Math.log2(n / s.length);
  return bits;
}

/** A random-looking run: long, dense in information, and mixing digits or letter cases (words don't). */
function looksRandom(token: string): boolean {
  if (token.length < MIN_ENTROPY_LENGTH) return false;
  const mixed = /\d/.test(token) || (/[a-z]/.test(token) && /[A-Z]/.test(token));
  return mixed && shannonBitsPerChar(token) >= MIN_BITS_PER_CHAR;
}

/** Candidate runs of a value: whitespace-separated words, and the segments of URLs (so a plain URL is not one long "random" run). */
function tokens(value: string): string[] {
  return value
    .replace(AUTH_SCHEME, '')
    .split(/\s+/)
    .flatMap((word) => (word.includes('://') ? word.split(/[/?&=#@:.]+/) : [word]));
}


function envNameFromKey(key: string | undefined): string | undefined {
  const words = key ? keyWords(key) : [];
  return words.length ? words.join('_').toUpperCase() : undefined;
}

/**
 * The secret a config string carries literally, if any. `${NAME}` references are removed first:
 * `Bearer ${API_TOKEN}` and `postgres://app:${DB_PASSWORD}@db/shop` are the right way to write them.
 * `key` is the name of the mapping key the value sits under, for the entropy rule.
 */
export function findSecretLiteral(value: string, key?: string): SecretLiteral | undefined {
  const literal = value.replace(ENV_REF, '');
  for (const shape of SHAPES) {
    const match = shape.pattern.exec(literal);
    if (match) return { kind: shape.kind, redacted: redact(match[0]), envName: shape.envName ?? envNameFromKey(key) ?? 'SECRET' };
  }
  if (key && isSecretKeyName(key)) {
    const random = tokens(literal).find(looksRandom);
    if (random) return { kind: `high-entropy value under "${key}"`, redacted: redact(random), envName: envNameFromKey(key) ?? 'SECRET' };
  }
  return undefined;
}

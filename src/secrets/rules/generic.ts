/**
 * Secrets recognised by the variable they are assigned to rather than by their shape: JWT signing
 * secrets and `*_SECRET` / `*_TOKEN` / `*_PASSWORD` assignments. Every value must look random and
 * be a literal (quoted in code), which keeps out expressions, minified identifiers, type
 * annotations, references such as `${DB_PASSWORD}`, hashes under non-secret names and UUIDs.
 */
import { looksRandom } from '../entropy.js';
import { isMadeUp } from '../placeholders.js';
import { assignment, ASSIGNED_VALUE, nameAround, quotedOrEnv, rule, type MatchContext, type Rule } from './rule.js';

/** Words of a name that hold something other than the credential itself (`passwordHash`, `token_url`, `API_KEY_NAME`). */
const NOT_A_CREDENTIAL = new Set(
  ('hash digest checksum integrity sha sha1 sha256 sha512 md5 length len min max type name field label placeholder url uri endpoint ' +
    'path file header param policy expires expiry expiration ttl count limit format regex pattern prefix publishable anon search id ' +
    'ids storage strategy provider mode version reset confirm confirmation encoding timeout').split(' '),
);

/** `passwordHash` -> password, hash; `API_KEY_NAME` -> api, key, name. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `a.b.c` member access, `$VAR`, `@ref`, paths, URLs, calls, regular-expression classes. */
const EXPRESSION = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$|^(?:[$@%&#]|~?\.{0,2}\/[\w-]+\/)|:\/\/|[()[\]{}\\]|process\.env|environ|getenv|secrets\./;

/** `TSPrivateKeyword`, `ContainerScopedFoo`: letters only, in words of two or more letters or short capital runs. */
function looksLikeIdentifier(value: string): boolean {
  if (!/^[A-Za-z]+$/.test(value)) return false;
  return (value.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+/g) ?? []).every((part) => /^[A-Z]{1,4}$|^[A-Z]?[a-z]{2,}$/.test(part));
}
/** Keys and passwords are printable ASCII; translated UI strings are not. */
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

export function literalSecret(value: string, ctx: MatchContext): boolean {
  if (!quotedOrEnv(ctx)) return false;
  if (nameWords(nameAround(ctx.text, ctx.match.index)).some((w) => NOT_A_CREDENTIAL.has(w))) return false;
  return PRINTABLE_ASCII.test(value) && !UUID.test(value) && !EXPRESSION.test(value) && !looksLikeIdentifier(value) && !isMadeUp(value) && looksRandom(value);
}

export const GENERIC_RULES: Rule[] = [
  rule({
    id: 'jwt.signing-secret',
    provider: 'jwt',
    title: 'JWT or session signing secret',
    kind: 'secret',
    keywords: ['jwt', 'secret_key', 'secret-key', 'secretkey', 'nextauth', 'auth_secret', 'session_secret', 'cookie_secret', 'signing_secret'],
    pattern: assignment('jwt[_-]?(?:signing[_-]?)?(?:secret|key)|secret[_-]?key(?:[_-]?base)?|nextauth[_-]?secret|auth[_-]?secret|session[_-]?secret|cookie[_-]?secret|signing[_-]?secret'),
    group: ASSIGNED_VALUE,
    minBits: 3,
    needsName: true,
    refine: (value, ctx) => (value.length >= 16 && literalSecret(value, ctx) ? undefined : null),
  }),
  rule({
    id: 'generic.secret-assignment',
    provider: 'generic',
    title: 'High-entropy value assigned to a secret-named variable',
    kind: 'secret',
    keywords: ['secret', 'token', 'passw', 'pwd', 'api_key', 'api-key', 'apikey', 'private_key', 'access_key', 'auth_key', 'credential', 'service_role'],
    pattern: assignment('secret|token|passw(?:or)?d|pwd|api[_-]?key|private[_-]?key|access[_-]?key|auth[_-]?key|credentials?|service[_-]?role[_-]?key'),
    group: ASSIGNED_VALUE,
    minBits: 3,
    needsName: true,
    refine: (value, ctx) => (literalSecret(value, ctx) ? { title: `High-entropy value assigned to ${nameAround(ctx.text, ctx.match.index)}` } : null),
  }),
];

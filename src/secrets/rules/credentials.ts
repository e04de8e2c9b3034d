/** Passwords in connection URLs and private keys: provider-independent credentials. */
import { looksRandom } from '../entropy.js';
import { isPlaceholder } from '../placeholders.js';
import { rule, type Refinement, type Rule } from './rule.js';

const DATABASES: Record<string, { ruleId: string; title: string }> = {
  postgres: { ruleId: 'database.postgres-url', title: 'PostgreSQL URL with a password' },
  postgresql: { ruleId: 'database.postgres-url', title: 'PostgreSQL URL with a password' },
  mysql: { ruleId: 'database.mysql-url', title: 'MySQL URL with a password' },
  mariadb: { ruleId: 'database.mysql-url', title: 'MariaDB URL with a password' },
  mongodb: { ruleId: 'database.mongodb-url', title: 'MongoDB URL with a password' },
  'mongodb+srv': { ruleId: 'database.mongodb-url', title: 'MongoDB URL with a password' },
  redis: { ruleId: 'database.redis-url', title: 'Redis URL with a password' },
  rediss: { ruleId: 'database.redis-url', title: 'Redis URL with a password' },
};

/** Passwords every tutorial and docker-compose file uses; they protect nothing reachable. */
const DEFAULT_PASSWORDS = new Set(['password', 'pass', 'passwd', 'postgres', 'root', 'secret', 'changeme', 'admin', 'example', 'test', 'mysql', 'redis', 'mongo', 'user', 'pwd', 'pw']);

/** Documentation hosts (RFC 2606): `example.com`, `*.example`, `*.invalid`. */
const DOCUMENTATION_HOST = /(?:^|\.)example\.(?:com|net|org)$|\.(?:example|invalid)$/i;

/** Hosts only the developer's machine or its containers reach: `localhost`, loopback, or a compose service name. */
function isLocalHost(host: string): boolean {
  return /^(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1\]|host\.docker\.internal)$/i.test(host) || !host.includes('.');
}

/**
 * RFC 3986 §3.2.1 `userinfo` with a password. The secret is the password; user and host are kept in
 * the note because they say which account to rotate. A weak password on a local host is a dev default.
 */
function urlPassword(m: RegExpExecArray, password: string, title?: { ruleId: string; title: string }): Refinement | null {
  const [, scheme, user, , host] = m;
  if (DEFAULT_PASSWORDS.has(password.toLowerCase()) || isPlaceholder(user) || DOCUMENTATION_HOST.test(host)) return null;
  if (isLocalHost(host) && !looksRandom(password)) return null;
  return { ...title, note: `in ${scheme}://${user}:****@${host}` };
}

const PRIVATE_KEY_TITLES: Record<string, string> = {
  'PRIVATE KEY': 'PKCS#8 private key',
  'ENCRYPTED PRIVATE KEY': 'encrypted PKCS#8 private key (the passphrase may sit nearby)',
  'RSA PRIVATE KEY': 'RSA private key (PEM)',
  'EC PRIVATE KEY': 'EC private key (PEM)',
  'DSA PRIVATE KEY': 'DSA private key (PEM)',
  'OPENSSH PRIVATE KEY': 'OpenSSH private key',
  'PGP PRIVATE KEY BLOCK': 'PGP private key block',
};

export const CREDENTIAL_RULES: Rule[] = [
  rule({
    id: 'database.url',
    provider: 'database',
    title: 'Database URL with a password',
    kind: 'secret',
    keywords: ['postgres://', 'postgresql://', 'mysql://', 'mariadb://', 'mongodb://', 'mongodb+srv://', 'redis://', 'rediss://'],
    pattern: /(?<![\w+.-])(postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?):\/\/([^\s:@/'"`]*):([^\s@/'"`]+)@([^\s/:'"`?#,;)]+)/dg,
    group: 3,
    minBits: 1.5,
    refine: (password, ctx) => urlPassword(ctx.match, password, DATABASES[ctx.match[1].toLowerCase()]),
  }),
  rule({
    id: 'url.password',
    provider: 'url-credentials',
    title: 'URL with a password',
    kind: 'secret',
    keywords: ['://'],
    pattern: /(?<![\w+.-])(https?|ftps?|sftp|amqps?|smtps?|ldaps?):\/\/([^\s:@/'"`]+):([^\s@/'"`]+)@([^\s/:'"`?#,;)]+)/dg,
    group: 3,
    minBits: 1.5,
    refine: (password, ctx) => urlPassword(ctx.match, password),
  }),
  rule({
    id: 'private-key',
    provider: 'private-key',
    title: 'Private key',
    kind: 'secret',
    keywords: ['private key'],
    // Body lines may be real newlines or `\n` escapes inside a JSON or YAML string.
    pattern: /(-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----(?:\\[rn]|[A-Za-z0-9+/=\s:,.-]){64,16000}?-----END \2-----)/dg,
    prefix: /^-----BEGIN [A-Z ]+-----/,
    minBits: 0,
    // DER encodings hold runs of zero bytes (`AAAAAAAA`), so fillers are judged on the body instead.
    placeholderCheck: false,
    refine: (value, ctx) => {
      const body = value.replace(/-----[A-Z ]+-----|\\[rn]|\s|Proc-Type:.*|DEK-Info:.*/g, '');
      if (body.length < 64 || /x{6,}|\.\.\.|…/i.test(body)) return null;
      return { title: PRIVATE_KEY_TITLES[ctx.match[2]] };
    },
  }),
];

/** Cloud and backend-as-a-service credentials. */
import { decodeJwtPayload } from '../jwt.js';
import { around, assignment, ASSIGNED_VALUE, quotedOrEnv, rule, type Rule } from './rule.js';

const token = (body: string) => new RegExp(`(?<![\\w-])(${body})(?![\\w-])`, 'gd');

const AWS_SECRET_NAME = /secret[_-]?access[_-]?key|SecretAccessKey/i;

/** Supabase's self-hosting guide publishes demo keys signed for this issuer. */
const SUPABASE_DEMO_ISSUER = 'supabase-demo';

export const CLOUD_RULES: Rule[] = [
  rule({
    id: 'aws.access-key-id',
    provider: 'aws',
    title: 'AWS access key id',
    kind: 'secret',
    keywords: ['akia', 'asia', 'abia', 'acca'],
    // Key ids are base32 (A-Z, 2-7) after a four-letter type prefix.
    pattern: /(?<![A-Za-z0-9])((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9])/dg,
    prefix: /^[A-Z]{4}/,
    refine: (_value, ctx) => (AWS_SECRET_NAME.test(around(ctx, 600)) ? { note: 'its secret access key is assigned next to it: the pair signs any AWS request' } : undefined),
  }),
  rule({
    id: 'aws.secret-access-key',
    provider: 'aws',
    title: 'AWS secret access key',
    kind: 'secret',
    keywords: ['secret_access_key', 'secretaccesskey', 'secret-access-key'],
    pattern: assignment('secret[_-]?access[_-]?key'),
    group: ASSIGNED_VALUE,
    needsName: true,
    refine: (value, ctx) => (/^[A-Za-z0-9/+]{40}$/.test(value) && quotedOrEnv(ctx) ? undefined : null),
  }),
  rule({
    id: 'gcp.service-account-key',
    provider: 'gcp',
    title: 'Google Cloud service-account private key',
    kind: 'secret',
    keywords: ['"private_key"'],
    pattern: /"private_key"\s*:\s*"(-----BEGIN PRIVATE KEY-----[^"]{64,8000}?-----END PRIVATE KEY-----(?:\\n)?)"/dg,
    prefix: '-----BEGIN PRIVATE KEY-----',
    placeholderCheck: false,
    refine: (_value, ctx) => (/service_account|gserviceaccount\.com/.test(around(ctx, 4000)) ? undefined : null),
  }),
  rule({ id: 'gcp.oauth-client-secret', provider: 'gcp', title: 'Google OAuth client secret', kind: 'secret', keywords: ['gocspx-'], pattern: token('GOCSPX-[A-Za-z0-9_-]{28}'), prefix: 'GOCSPX-' }),
  rule({
    id: 'firebase.cloud-messaging-server-key',
    provider: 'firebase',
    title: 'Firebase Cloud Messaging server key',
    kind: 'secret',
    keywords: ['apa91b'],
    pattern: token('AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134}'),
    prefix: /^AAAA/,
  }),
  rule({
    id: 'supabase.jwt',
    provider: 'supabase',
    title: 'Supabase key',
    kind: 'secret',
    keywords: ['eyj'],
    pattern: token('eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{16,}'),
    prefix: 'eyJ',
    // Supabase's legacy keys are JWTs; the role claim says which one. Other JWTs are not this rule's business.
    refine: (value) => {
      const claims = decodeJwtPayload(value);
      const issuer = typeof claims?.iss === 'string' ? claims.iss : '';
      if (!issuer.startsWith('supabase') || issuer === SUPABASE_DEMO_ISSUER) return null;
      if (claims?.role === 'service_role') return { ruleId: 'supabase.service-role-key', title: 'Supabase service-role key (bypasses row-level security)' };
      if (claims?.role === 'anon') {
        return { ruleId: 'supabase.anon-key', title: 'Supabase anon key', kind: 'public', publicReason: 'the anon key is meant for the browser; row-level security policies decide what it can read' };
      }
      return null;
    },
  }),
  rule({ id: 'supabase.secret-key', provider: 'supabase', title: 'Supabase secret key (bypasses row-level security)', kind: 'secret', keywords: ['sb_secret_'], pattern: token('sb_secret_[A-Za-z0-9_-]{20,}'), prefix: 'sb_secret_' }),
  rule({
    id: 'supabase.publishable-key',
    provider: 'supabase',
    title: 'Supabase publishable key',
    kind: 'public',
    publicReason: 'publishable keys are meant for the browser; row-level security policies decide what they can read',
    keywords: ['sb_publishable_'],
    pattern: token('sb_publishable_[A-Za-z0-9_-]{20,}'),
    prefix: 'sb_publishable_',
  }),
  rule({
    id: 'algolia.admin-key',
    provider: 'algolia',
    title: 'Algolia admin API key',
    kind: 'secret',
    keywords: ['algolia'],
    pattern: assignment('algolia[\\w.-]{0,30}?(?:admin|write)[\\w.-]{0,20}?key'),
    group: ASSIGNED_VALUE,
    needsName: true,
    refine: (value, ctx) => (/^[a-f0-9]{32}$/.test(value) && quotedOrEnv(ctx) ? undefined : null),
  }),
  rule({
    id: 'algolia.search-key',
    provider: 'algolia',
    title: 'Algolia search-only API key',
    kind: 'public',
    publicReason: 'search-only keys are meant for the browser: they can query the indices they are scoped to, nothing else',
    keywords: ['algolia'],
    pattern: assignment('algolia[\\w.-]{0,30}?search[\\w.-]{0,20}?key'),
    group: ASSIGNED_VALUE,
    needsName: true,
    refine: (value, ctx) => (/^[a-f0-9]{32}$/.test(value) && quotedOrEnv(ctx) ? undefined : null),
  }),
];

/** Source hosting, package registry and error-tracking tokens: a path into the code and the release pipeline. */
import { assignment, ASSIGNED_VALUE, rule, shaped, type Rule } from './rule.js';

const token = (body: string) => new RegExp(`(?<![\\w-])(${body})(?![\\w-])`, 'gd');

const GITHUB: Record<string, string> = {
  ghp_: 'GitHub personal access token',
  gho_: 'GitHub OAuth access token',
  ghu_: 'GitHub user-to-server token',
  ghs_: 'GitHub server-to-server (app installation) token',
  ghr_: 'GitHub refresh token',
};

export const CODE_HOSTING_RULES: Rule[] = [
  rule({
    id: 'github.token',
    provider: 'github',
    title: 'GitHub token',
    kind: 'secret',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    pattern: token('gh[pousr]_[A-Za-z0-9]{36,251}'),
    prefix: /^gh[a-z]_/,
    refine: (value) => ({ title: GITHUB[value.slice(0, 4)] }),
  }),
  rule({ id: 'github.fine-grained-token', provider: 'github', title: 'GitHub fine-grained personal access token', kind: 'secret', keywords: ['github_pat_'], pattern: token('github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}'), prefix: 'github_pat_' }),
  rule({
    id: 'gitlab.token',
    provider: 'gitlab',
    title: 'GitLab token',
    kind: 'secret',
    keywords: ['glpat-', 'gldt-', 'glptt-', 'glrt-', 'gloas-', 'glsoat-', 'glft-', 'glimt-', 'glcbt-', 'glagent-'],
    pattern: token('gl(?:pat|dt|ptt|rt|oas|soat|ft|imt|cbt|agent)-[A-Za-z0-9_.-]{20,100}'),
    prefix: /^gl[a-z]+-/,
  }),
  rule({ id: 'npm.token', provider: 'npm', title: 'npm access token', kind: 'secret', keywords: ['npm_'], pattern: token('npm_[A-Za-z0-9]{36}'), prefix: 'npm_' }),
  rule({
    id: 'npm.legacy-auth-token',
    provider: 'npm',
    title: 'npm legacy auth token in .npmrc',
    kind: 'secret',
    keywords: ['_authtoken'],
    pattern: /_authToken\s*=\s*([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])/dg,
  }),
  rule({ id: 'sentry.org-token', provider: 'sentry', title: 'Sentry organization auth token', kind: 'secret', keywords: ['sntrys_'], pattern: token('sntrys_[A-Za-z0-9+/=_]{60,400}'), prefix: 'sntrys_' }),
  rule({ id: 'sentry.user-token', provider: 'sentry', title: 'Sentry user auth token', kind: 'secret', keywords: ['sntryu_'], pattern: token('sntryu_[a-f0-9]{64}'), prefix: 'sntryu_' }),
  rule({
    id: 'sentry.auth-token',
    provider: 'sentry',
    title: 'Sentry auth token',
    kind: 'secret',
    keywords: ['sentry'],
    pattern: assignment('sentry[\\w.-]{0,20}?(?:auth[_-]?)?token'),
    group: ASSIGNED_VALUE,
    needsName: true,
    refine: shaped(/^[a-f0-9]{64}$/),
  }),
];

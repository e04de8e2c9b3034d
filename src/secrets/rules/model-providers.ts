/** Model-provider keys: the classic "AI shop" leak, billable per token the moment someone finds one. */
import { around, assignment, ASSIGNED_VALUE, rule, shaped, type Rule } from './rule.js';

/** `(?<![\w-])…(?![\w-])`: a key is a whole token, never the middle of a longer identifier. */
const token = (body: string) => new RegExp(`(?<![\\w-])(${body})(?![\\w-])`, 'gd');

/** Firebase web configs carry a Google API key that is meant to be public; these words sit beside it. */
const FIREBASE_CONTEXT = /authDomain|firebaseapp\.com|messagingSenderId|firebase(?:_|\.|Config|[A-Z])|FIREBASE_/;

export const MODEL_PROVIDER_RULES: Rule[] = [
  rule({ id: 'openai.project-key', provider: 'openai', title: 'OpenAI project API key', kind: 'secret', keywords: ['sk-proj-'], pattern: token('sk-proj-[A-Za-z0-9_-]{40,250}'), prefix: 'sk-proj-' }),
  rule({ id: 'openai.service-account-key', provider: 'openai', title: 'OpenAI service-account key', kind: 'secret', keywords: ['sk-svcacct-'], pattern: token('sk-svcacct-[A-Za-z0-9_-]{40,250}'), prefix: 'sk-svcacct-' }),
  rule({ id: 'openai.admin-key', provider: 'openai', title: 'OpenAI admin key', kind: 'secret', keywords: ['sk-admin-'], pattern: token('sk-admin-[A-Za-z0-9_-]{40,250}'), prefix: 'sk-admin-' }),
  rule({
    id: 'openai.api-key',
    provider: 'openai',
    title: 'OpenAI API key',
    kind: 'secret',
    keywords: ['sk-'],
    // Legacy user keys: 48 characters, often with the base64 of "openai" (T3BlbkFJ) in the middle.
    pattern: token('sk-(?!proj-|svcacct-|admin-|ant-)(?:[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}|[A-Za-z0-9]{48}|None-[A-Za-z0-9_-]{40,200})'),
    prefix: 'sk-',
  }),
  rule({ id: 'anthropic.api-key', provider: 'anthropic', title: 'Anthropic API key', kind: 'secret', keywords: ['sk-ant-'], pattern: token('sk-ant-(?:api|admin)\\d{2}-[A-Za-z0-9_-]{80,120}'), prefix: /^sk-ant-[a-z]+\d{2}-/ }),
  rule({
    id: 'google.api-key',
    provider: 'google',
    title: 'Google API key (Gemini, Maps or other Google APIs)',
    kind: 'secret',
    keywords: ['aiza'],
    pattern: token('AIza[0-9A-Za-z_-]{35}'),
    prefix: 'AIza',
    refine: (_value, ctx) =>
      FIREBASE_CONTEXT.test(around(ctx, 600))
        ? {
            ruleId: 'firebase.web-api-key',
            title: 'Firebase web config API key',
            kind: 'public',
            publicReason: 'Firebase web configs are shipped to every browser by design; access is governed by Firebase security rules and App Check, not by this key',
          }
        : undefined,
  }),
  rule({
    id: 'azure-openai.api-key',
    provider: 'azure-openai',
    title: 'Azure OpenAI key',
    kind: 'secret',
    keywords: ['azure'],
    pattern: assignment('azure[\\w.-]{0,30}?(?:key|token)'),
    group: ASSIGNED_VALUE,
    needsName: true,
    refine: shaped(/^(?:[a-f0-9]{32}|[A-Za-z0-9]{84})$/),
  }),
  rule({ id: 'huggingface.token', provider: 'huggingface', title: 'Hugging Face access token', kind: 'secret', keywords: ['hf_', 'api_org_'], pattern: token('(?:hf|api_org)_[A-Za-z0-9]{34}'), prefix: /^(?:hf|api_org)_/ }),
  rule({ id: 'groq.api-key', provider: 'groq', title: 'Groq API key', kind: 'secret', keywords: ['gsk_'], pattern: token('gsk_[A-Za-z0-9]{52}'), prefix: 'gsk_' }),
  rule({
    id: 'mistral.api-key',
    provider: 'mistral',
    title: 'Mistral API key',
    kind: 'secret',
    keywords: ['mistral'],
    pattern: assignment('mistral[\\w.-]{0,30}?(?:key|token)'),
    group: ASSIGNED_VALUE,
    needsName: true,
    refine: shaped(/^[A-Za-z0-9]{32}$/),
  }),
  rule({
    id: 'cohere.api-key',
    provider: 'cohere',
    title: 'Cohere API key',
    kind: 'secret',
    keywords: ['cohere'],
    pattern: assignment('cohere[\\w.-]{0,30}?(?:key|token)'),
    group: ASSIGNED_VALUE,
    needsName: true,
    refine: shaped(/^[A-Za-z0-9]{40}$/),
  }),
  rule({ id: 'replicate.api-token', provider: 'replicate', title: 'Replicate API token', kind: 'secret', keywords: ['r8_'], pattern: token('r8_[A-Za-z0-9]{37}'), prefix: 'r8_' }),
];

/** Every detection rule, most specific first: when two matches overlap, the earlier rule wins. */
import { CLOUD_RULES } from './cloud.js';
import { CODE_HOSTING_RULES } from './code-hosting.js';
import { CREDENTIAL_RULES } from './credentials.js';
import { GENERIC_RULES } from './generic.js';
import { MESSAGING_RULES } from './messaging.js';
import { MODEL_PROVIDER_RULES } from './model-providers.js';
import { PAYMENT_RULES } from './payments.js';
import type { Rule } from './rule.js';

export const RULES: readonly Rule[] = [
  ...MODEL_PROVIDER_RULES,
  ...PAYMENT_RULES,
  ...CLOUD_RULES,
  ...CODE_HOSTING_RULES,
  ...MESSAGING_RULES,
  ...CREDENTIAL_RULES,
  ...GENERIC_RULES,
];

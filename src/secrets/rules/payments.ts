/** Payment and commerce keys: whoever holds a secret one can refund, pay out or read every customer. */
import { assignment, ASSIGNED_VALUE, rule, shaped, type Rule } from './rule.js';

const token = (body: string) => new RegExp(`(?<![\\w-])(${body})(?![\\w-])`, 'gd');

const SHOPIFY: Record<string, { ruleId: string; title: string }> = {
  shpat_: { ruleId: 'shopify.admin-token', title: 'Shopify Admin API access token' },
  shpca_: { ruleId: 'shopify.custom-app-token', title: 'Shopify custom app access token' },
  shppa_: { ruleId: 'shopify.private-app-password', title: 'Shopify private app password' },
  shpss_: { ruleId: 'shopify.shared-secret', title: 'Shopify app shared secret' },
};

export const PAYMENT_RULES: Rule[] = [
  // Only live keys: sk_test_/rk_test_ keys cannot move money and are expected in test code.
  rule({ id: 'stripe.secret-key', provider: 'stripe', title: 'Stripe live secret key', kind: 'secret', keywords: ['sk_live_'], pattern: token('sk_live_[0-9A-Za-z]{24,247}'), prefix: 'sk_live_' }),
  rule({ id: 'stripe.restricted-key', provider: 'stripe', title: 'Stripe live restricted key', kind: 'secret', keywords: ['rk_live_'], pattern: token('rk_live_[0-9A-Za-z]{24,247}'), prefix: 'rk_live_' }),
  rule({ id: 'stripe.webhook-secret', provider: 'stripe-webhook', title: 'Stripe webhook signing secret', kind: 'secret', keywords: ['whsec_'], pattern: token('whsec_[A-Za-z0-9+/=]{32,100}'), prefix: 'whsec_' }),
  rule({
    id: 'stripe.publishable-key',
    provider: 'stripe',
    title: 'Stripe live publishable key',
    kind: 'public',
    publicReason: 'publishable keys are meant for the browser: they can tokenise cards and confirm payments, not read data or move money',
    keywords: ['pk_live_'],
    pattern: token('pk_live_[0-9A-Za-z]{24,247}'),
    prefix: 'pk_live_',
  }),
  rule({
    id: 'braintree.access-token',
    provider: 'braintree',
    title: 'PayPal/Braintree production access token',
    kind: 'secret',
    keywords: ['access_token$production$'],
    pattern: token('access_token\\$production\\$[0-9a-z]{16}\\$[0-9a-f]{32}'),
    prefix: 'access_token$production$',
  }),
  rule({
    id: 'braintree.private-key',
    provider: 'braintree',
    title: 'Braintree private key',
    kind: 'secret',
    keywords: ['braintree'],
    pattern: assignment('braintree[\\w.-]{0,30}?private[_-]?key'),
    group: ASSIGNED_VALUE,
    needsName: true,
    refine: shaped(/^[a-f0-9]{32}$/),
  }),
  rule({
    id: 'paypal.client-secret',
    provider: 'paypal',
    title: 'PayPal REST client secret',
    kind: 'secret',
    keywords: ['paypal'],
    pattern: assignment('paypal[\\w.-]{0,30}?secret'),
    group: ASSIGNED_VALUE,
    needsName: true,
    refine: shaped(/^[A-Za-z0-9_-]{60,90}$/),
  }),
  rule({
    id: 'shopify.token',
    provider: 'shopify',
    title: 'Shopify access token',
    kind: 'secret',
    keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    pattern: token('shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}'),
    prefix: /^shp[a-z]{2}_/,
    refine: (value) => SHOPIFY[value.slice(0, 6)],
  }),
];

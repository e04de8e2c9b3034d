/** Chat, SMS and email-sending credentials: phishing from your own domain and numbers, on your bill. */
import { assignment, ASSIGNED_VALUE, rule, shaped, type Rule } from './rule.js';

const token = (body: string) => new RegExp(`(?<![\\w-])(${body})(?![\\w-])`, 'gd');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const SLACK: Record<string, string> = {
  xoxb: 'Slack bot token',
  xoxp: 'Slack user token',
  xoxa: 'Slack workspace access token',
  xoxr: 'Slack refresh token',
  xoxs: 'Slack session token',
  xoxe: 'Slack rotating token',
};

export const MESSAGING_RULES: Rule[] = [
  rule({
    id: 'slack.token',
    provider: 'slack',
    title: 'Slack token',
    kind: 'secret',
    keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe-'],
    pattern: token('xox[bparse]-(?:[0-9]{6,14}-){1,3}[A-Za-z0-9]{20,64}'),
    prefix: /^xox[a-z]-/,
    refine: (value) => ({ title: SLACK[value.slice(0, 4)] }),
  }),
  rule({ id: 'slack.app-token', provider: 'slack', title: 'Slack app-level token', kind: 'secret', keywords: ['xapp-'], pattern: token('xapp-\\d-[A-Z0-9]{8,14}-\\d{10,16}-[a-f0-9]{64}'), prefix: 'xapp-' }),
  rule({
    id: 'slack.webhook-url',
    provider: 'slack-webhook',
    title: 'Slack incoming-webhook URL',
    kind: 'secret',
    keywords: ['hooks.slack.com'],
    pattern: /(https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/T[A-Z0-9]{6,12}\/[A-Z0-9]{6,12}\/[A-Za-z0-9]{20,30})(?![\w-])/dg,
    prefix: /^https:\/\/hooks\.slack\.com\/[a-z]+\//,
  }),
  rule({
    id: 'discord.webhook-url',
    provider: 'discord',
    title: 'Discord webhook URL',
    kind: 'secret',
    keywords: ['discord'],
    pattern: /(https:\/\/(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/[A-Za-z0-9_-]{60,72})(?![\w-])/dg,
    prefix: /^https:\/\/[a-z.]*discord(?:app)?\.com\/api\/webhooks\//,
  }),
  rule({
    id: 'twilio.api-key',
    provider: 'twilio',
    title: 'Twilio API key SID',
    kind: 'secret',
    // "SK" + 32 hex is too common a shape on its own; only files that mention Twilio are searched.
    keywords: ['twilio'],
    pattern: /(?<![\w-])(SK[0-9a-f]{32})(?![\w-])/dg,
    prefix: 'SK',
  }),
  rule({
    id: 'twilio.auth-token',
    provider: 'twilio',
    title: 'Twilio auth token',
    kind: 'secret',
    keywords: ['twilio'],
    pattern: assignment('twilio[\\w.-]{0,20}?(?:token|secret)'),
    group: ASSIGNED_VALUE,
    needsName: true,
    refine: shaped(/^[a-f0-9]{32}$/),
  }),
  rule({ id: 'sendgrid.api-key', provider: 'sendgrid', title: 'SendGrid API key', kind: 'secret', keywords: ['sg.'], pattern: token('SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}'), prefix: 'SG.' }),
  rule({ id: 'mailgun.api-key', provider: 'mailgun', title: 'Mailgun API key', kind: 'secret', keywords: ['key-'], pattern: token('key-[0-9a-f]{32}'), prefix: 'key-' }),
  rule({
    id: 'mailgun.private-key',
    provider: 'mailgun',
    title: 'Mailgun API key',
    kind: 'secret',
    keywords: ['mailgun'],
    pattern: assignment('mailgun[\\w.-]{0,20}?key'),
    group: ASSIGNED_VALUE,
    needsName: true,
    refine: shaped(/^[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}$/),
  }),
  rule({
    id: 'postmark.server-token',
    provider: 'postmark',
    title: 'Postmark server token',
    kind: 'secret',
    keywords: ['postmark'],
    pattern: assignment('postmark[\\w.-]{0,30}?(?:token|key)'),
    group: ASSIGNED_VALUE,
    needsName: true,
    refine: shaped(UUID),
  }),
  rule({ id: 'resend.api-key', provider: 'resend', title: 'Resend API key', kind: 'secret', keywords: ['re_'], pattern: token('re_[A-Za-z0-9]{8,12}_[A-Za-z0-9]{20,32}'), prefix: 're_' }),
  rule({
    id: 'mailchimp.api-key',
    provider: 'mailchimp',
    title: 'Mailchimp API key',
    kind: 'secret',
    keywords: ['-us'],
    // 32 hex, then the data-centre suffix `-us6`: searched from the suffix, the hex looked behind for.
    pattern: /(?<=(?<![\w-])([0-9a-f]{32}))-us[0-9]{1,2}(?![\w-])/dg,
    throughMatchEnd: true,
  }),
];

/**
 * Slack incoming webhook, as a Block Kit message (https://api.slack.com/block-kit): a header with
 * what happened, fields for the monitor, since when and how long, the evidence in a code block
 * and a button to the dashboard. `text` is the notification fallback Slack requires.
 */
import { redact } from '../../../secrets/redact.js';
import { formatDuration, formatTime, type AlertMessage } from '../message.js';
import type { Channel } from './channel.js';
import { postJson } from './post-json.js';

const ICON: Record<AlertMessage['kind'], string> = {
  opened: ':red_circle:',
  reminder: ':red_circle:',
  recovered: ':large_green_circle:',
  flapping: ':large_orange_circle:',
  certificate: ':lock:',
  budget: ':warning:',
  'burn-rate': ':fire:',
  test: ':wave:',
};

/** Slack's limit for a section's text is 3000 characters. */
const MAX_TEXT = 2900;

export function slackBlocks(m: AlertMessage): { text: string; blocks: unknown[] } {
  const fields: Array<{ type: 'mrkdwn'; text: string }> = [];
  if (m.monitorName) fields.push({ type: 'mrkdwn', text: `*Monitor*\n${m.monitorName}` });
  if (m.target) fields.push({ type: 'mrkdwn', text: `*Target*\n\`${m.target}\`` });
  if (m.since !== undefined) fields.push({ type: 'mrkdwn', text: `*Since*\n${formatTime(m.since)}` });
  if (m.durationMs !== undefined) fields.push({ type: 'mrkdwn', text: `*Down for*\n${formatDuration(m.durationMs)}` });
  fields.push({ type: 'mrkdwn', text: `*Severity*\n${m.severity}` });
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: `${m.title}`.slice(0, 150), emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: `${ICON[m.kind]} ${m.text}`.slice(0, MAX_TEXT) }, fields: fields.slice(0, 10) },
  ];
  if (m.evidence?.length) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*Evidence*\n\`\`\`${m.evidence.join('\n').slice(0, MAX_TEXT - 40)}\`\`\`` } });
  if (m.link) blocks.push({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open the dashboard' }, url: m.link }] });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `launch-ready monitor · ${formatTime(m.at)}` }] });
  return { text: `${m.title}: ${m.text}`.slice(0, MAX_TEXT), blocks };
}

export function slackChannel(name: string, url: string): Channel {
  return {
    name,
    type: 'slack',
    describe: `Slack webhook ${redact(url, 'https://hooks.slack.com/')}`,
    send: (m, signal) => postJson(url, JSON.stringify(slackBlocks(m)), {}, signal),
  };
}

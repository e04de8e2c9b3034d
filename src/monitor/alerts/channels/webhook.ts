/**
 * Generic JSON webhook. With a secret, the body is signed like Stripe's and GitHub's webhooks:
 * `X-Launch-Ready-Signature: sha256=HEX(HMAC-SHA256(secret, TIMESTAMP + "." + BODY))` with
 * `X-Launch-Ready-Timestamp: TIMESTAMP` (Unix seconds), so the receiver can also refuse replays.
 */
import { createHmac } from 'node:crypto';
import { redact } from '../../../secrets/redact.js';
import type { AlertMessage } from '../message.js';
import type { Channel } from './channel.js';
import { postJson } from './post-json.js';

export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function webhookChannel(name: string, url: string, secret: string | undefined, now: () => number): Channel {
  const origin = new URL(url).origin;
  return {
    name,
    type: 'webhook',
    describe: `webhook ${origin}/… ${redact(url)}${secret ? ', signed' : ''}`,
    send: (m: AlertMessage, signal) => {
      const body = JSON.stringify({ event: m.kind, ...m });
      const headers: Record<string, string> = { 'x-launch-ready-event': m.kind };
      if (secret) {
        const timestamp = String(Math.floor(now() / 1000));
        headers['x-launch-ready-timestamp'] = timestamp;
        headers['x-launch-ready-signature'] = signature(secret, timestamp, body);
      }
      return postJson(url, body, headers, signal);
    },
  };
}

/**
 * Email over SMTP with nodemailer: plain text and HTML. The SMTP URL (with its password) comes
 * from the environment; only its host is ever shown.
 */
import type { Transporter } from 'nodemailer';
import { formatDuration, formatTime, type AlertMessage } from '../message.js';
import type { Channel } from './channel.js';
import { DeliveryError } from './channel.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function emailText(m: AlertMessage): string {
  const lines = [m.title, '', m.text, ''];
  if (m.target) lines.push(`Target:   ${m.target}`);
  if (m.since !== undefined) lines.push(`Since:    ${formatTime(m.since)}`);
  if (m.durationMs !== undefined) lines.push(`Down for: ${formatDuration(m.durationMs)}`);
  lines.push(`Severity: ${m.severity}`);
  if (m.evidence?.length) lines.push('', 'Evidence:', ...m.evidence.map((e) => `  ${e}`));
  if (m.link) lines.push('', `Dashboard: ${m.link}`);
  lines.push('', `— launch-ready monitor, ${formatTime(m.at)}`);
  return lines.join('\n');
}

export function emailHtml(m: AlertMessage): string {
  const colour = m.kind === 'recovered' ? '#1a7f37' : m.kind === 'opened' || m.kind === 'reminder' ? '#cf222e' : '#9a6700';
  const rows: Array<[string, string]> = [];
  if (m.target) rows.push(['Target', `<code>${escape(m.target)}</code>`]);
  if (m.since !== undefined) rows.push(['Since', escape(formatTime(m.since))]);
  if (m.durationMs !== undefined) rows.push(['Down for', escape(formatDuration(m.durationMs))]);
  rows.push(['Severity', escape(m.severity)]);
  return [
    `<div style="font-family:system-ui,sans-serif;max-width:640px">`,
    `<h2 style="color:${colour};margin:0 0 8px">${escape(m.title)}</h2>`,
    `<p>${escape(m.text)}</p>`,
    `<table>${rows.map(([k, v]) => `<tr><th align="left" style="padding-right:12px">${k}</th><td>${v}</td></tr>`).join('')}</table>`,
    m.evidence?.length ? `<pre style="background:#f6f8fa;padding:8px;white-space:pre-wrap">${escape(m.evidence.join('\n'))}</pre>` : '',
    m.link ? `<p><a href="${escape(m.link)}">Open the dashboard</a></p>` : '',
    `<p style="color:#57606a;font-size:12px">launch-ready monitor · ${escape(formatTime(m.at))}</p>`,
    `</div>`,
  ].join('');
}

export function emailChannel(name: string, smtpUrl: string, to: readonly string[], from: string | undefined): Channel {
  const url = new URL(smtpUrl);
  // nodemailer is loaded on the first email (it weighs ~15 MB of memory a monitor without email need not carry).
  let transport: Transporter | undefined;
  const transporter = async () => {
    const nodemailer = (await import('nodemailer')).default;
    // A slow server gets 15 s per phase, never more.
    transport ??= nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 15_000 });
    return transport;
  };
  const sender = from ?? `launch-ready monitor <monitor@${url.hostname}>`;
  return {
    name,
    type: 'email',
    describe: `email to ${to.join(', ')} via ${url.protocol}//${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}`,
    async send(m, signal) {
      if (signal.aborted) throw new DeliveryError('timed out');
      const subject = `[${m.severity}] ${m.title}`;
      try {
        await Promise.race([
          transporter().then((t) => t.sendMail({ from: sender, to: [...to], subject, text: emailText(m), html: emailHtml(m) })),
          new Promise((_, reject) => signal.addEventListener('abort', () => reject(new DeliveryError('timed out')), { once: true })),
        ]);
      } catch (err) {
        if (err instanceof DeliveryError) throw err;
        const e = err as Error & { code?: string; responseCode?: number };
        throw new DeliveryError(`${e.code ?? 'SMTP'}${e.responseCode ? ` ${e.responseCode}` : ''}: ${e.message}`.slice(0, 300));
      }
    },
    close: async () => transport?.close(),
  };
}

/** Alerts as lines on a stream (stdout by default): for logs, systemd's journal, or trying things out. */
import { formatDuration, type AlertMessage } from '../message.js';
import type { Channel } from './channel.js';

export function alertLine(m: AlertMessage): string {
  const parts = [`[${m.severity}] ${m.title}`, m.text];
  if (m.durationMs !== undefined && m.kind !== 'recovered') parts.push(`down for ${formatDuration(m.durationMs)}`);
  if (m.evidence?.length) parts.push(`evidence: ${m.evidence.join(' | ')}`);
  if (m.link) parts.push(m.link);
  return `${new Date(m.at).toISOString()} alert ${m.kind}: ${parts.join(' — ')}\n`;
}

export function stdoutChannel(name: string, stream: NodeJS.WritableStream = process.stdout): Channel {
  return {
    name,
    type: 'stdout',
    describe: 'standard output',
    send: async (m) => {
      stream.write(alertLine(m));
    },
  };
}

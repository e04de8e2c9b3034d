/**
 * The alert channels of `monitor.alerts`, with their `${ENV}` references expanded. A channel whose
 * variable is missing is left out and its problem reported (on the dashboard and at start), so one
 * missing SLACK_WEBHOOK_URL does not stop the email alerts.
 */
import { resolveEnvRefs } from '../../config/env-refs.js';
import type { Config } from '../../config/schema.js';
import type { Channel } from './channels/channel.js';
import { emailChannel } from './channels/email.js';
import { slackChannel } from './channels/slack.js';
import { stdoutChannel } from './channels/stdout.js';
import { webhookChannel } from './channels/webhook.js';
import type { ChannelRoute } from './router.js';

export type AlertConfig = NonNullable<Config['monitor']>['alerts'][number];

export interface ChannelSet {
  channels: Map<string, Channel>;
  routes: ChannelRoute[];
  problems: string[];
}

export function channelsFromConfig(alerts: readonly AlertConfig[], env: NodeJS.ProcessEnv, now: () => number, stdout?: NodeJS.WritableStream): ChannelSet {
  const set: ChannelSet = { channels: new Map(), routes: [], problems: [] };
  for (const a of alerts) {
    const name = a.name ?? a.type;
    try {
      const channel =
        a.type === 'slack'
          ? slackChannel(name, resolveEnvRefs(a.url, env))
          : a.type === 'webhook'
            ? webhookChannel(name, resolveEnvRefs(a.url, env), a.secret === undefined ? undefined : resolveEnvRefs(a.secret, env), now)
            : a.type === 'email'
              ? emailChannel(name, resolveEnvRefs(a.smtp, env), a.to, a.from)
              : stdoutChannel(name, stdout);
      set.channels.set(name, channel);
      set.routes.push(a.minSeverity ? { name, minSeverity: a.minSeverity } : { name });
    } catch (err) {
      set.problems.push(`alert channel "${name}" is off: ${(err as Error).message}`);
    }
  }
  return set;
}

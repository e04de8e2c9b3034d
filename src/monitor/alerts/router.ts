/**
 * Which channels get an alert: the monitor's own list (`alerts: [name]`) or every channel, less
 * those whose `minSeverity` is above the alert's severity.
 */
import type { Severity } from '../model.js';

export interface ChannelRoute {
  name: string;
  minSeverity?: Severity;
}

const RANK: Record<Severity, number> = { warning: 1, critical: 2 };

export function channelsFor(channels: readonly ChannelRoute[], monitorChannels: readonly string[] | undefined, severity: Severity): string[] {
  return channels
    .filter((c) => monitorChannels === undefined || monitorChannels.includes(c.name))
    .filter((c) => c.minSeverity === undefined || RANK[severity] >= RANK[c.minSeverity])
    .map((c) => c.name);
}

import pLimit, { type LimitFunction } from 'p-limit';
import type { AuditPlan } from '../core/plan.js';
import { DnsClient } from '../net/dns-client.js';
import { HttpClient } from '../net/http-client.js';
import type { NetworkSettings } from '../net/settings.js';

/** Where a long run tells the user what it is doing (host and phase); a no-op when quiet. */
export interface Progress {
  step(target: string, phase: string): void;
  done(): void;
}

export const silentProgress: Progress = { step: () => undefined, done: () => undefined };

/** Shared by every collector of one run: one resolver, one HTTP client, one concurrency limit. */
export interface CollectContext {
  plan: AuditPlan;
  settings: NetworkSettings;
  dns: DnsClient;
  http: HttpClient;
  limit: LimitFunction;
  progress: Progress;
}

export function createContext(plan: AuditPlan, settings: NetworkSettings, progress: Progress = silentProgress): CollectContext {
  const dns = new DnsClient(settings);
  return { plan, settings, dns, http: new HttpClient(settings, dns), limit: pLimit(settings.concurrency), progress };
}

/** One-line descriptions of a target's plan and load model, shown before a run so its cost is known up front. */
import { formatDuration, plural } from '../report/plain-text.js';
import { formatRate } from './format.js';
import { scheduledCount } from './open-model.js';
import type { LoadModel } from './result.js';
import type { BenchTarget } from './targets.js';

export function describeModel(model: LoadModel, durationMs: number): string {
  const span = formatDuration(durationMs);
  if (model.kind === 'closed') return `closed model, ${plural(model.connections, 'connection')} for ${span}`;
  return `open model, ${formatRate(model.ratePerSecond)} for ${span}${model.connections !== null ? ` on at most ${plural(model.connections, 'connection')}` : ''}`;
}

/** `chat: POST https://…/api/chat — open model, 2.0/s for 30.0 s — 60 requests (cap 200: chat endpoint, each request may cost a model call; raise with --max-requests)`. */
export function describePlan(t: BenchTarget): string {
  const head = `${t.name === t.url ? '' : `${t.name}: `}${t.method} ${t.url} — ${describeModel(t.model, t.durationMs)}`;
  const planned = t.model.kind === 'open' ? scheduledCount(t.model.ratePerSecond, t.durationMs, t.requestCap ?? Infinity) : undefined;
  const count = planned !== undefined ? plural(planned, 'request') : 'as many requests as the server answers';
  if (t.requestCap === null) return `${head} — ${count}, no request cap`;
  const why = t.kind === 'chat' ? 'chat endpoint, each request may cost a model call' : 'from --max-requests or the config';
  return `${head} — ${planned !== undefined ? count : `up to ${plural(t.requestCap, 'request')}`} (cap ${t.requestCap}: ${why}; raise with --max-requests)`;
}

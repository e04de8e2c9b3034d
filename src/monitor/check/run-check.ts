/**
 * One check: observe, then judge with the monitor's condition. The check's timeout is strict: a
 * probe that has not answered by then is abandoned and recorded as a timeout, so a dead target
 * holds a concurrency slot for at most its timeout.
 */
import { evaluate } from '../conditions/evaluate.js';
import type { ProbeNetwork } from '../probes/network.js';
import type { Observation } from '../probes/observation.js';
import type { CompiledMonitor } from './compile.js';
import type { LatencyWindow } from './latency-window.js';

export interface CheckResult {
  monitorId: string;
  /** When the check started (the monitor's clock). */
  at: number;
  ok: boolean;
  latencyMs: number;
  status?: number;
  /** Network error code (connect-refused, timeout, tls, …). */
  errorCode?: string;
  /** The failing tests of the condition, each with the value seen. */
  failed: string[];
  detail: string;
  certificate?: { validTo: number; daysLeft: number };
  /** A confirmation re-check (fresh connection). */
  recheck: boolean;
}

function timedOut(timeoutMs: number): Observation {
  const error = { code: 'timeout', message: `no result within ${timeoutMs} ms` };
  return { latencyMs: timeoutMs, error, values: (root) => (root === 'error' ? 'timeout' : root === 'latency' ? timeoutMs : undefined), detail: error.message };
}

function withDeadline(work: Promise<Observation>, timeoutMs: number): Promise<Observation> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<Observation>((resolve) => {
    timer = setTimeout(() => resolve(timedOut(timeoutMs)), timeoutMs);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

export async function runCheck(monitor: CompiledMonitor, network: ProbeNetwork, window: LatencyWindow, at: number, recheck: boolean): Promise<CheckResult> {
  const { spec } = monitor;
  let obs: Observation;
  try {
    obs = await withDeadline(monitor.observe(network, recheck, at), spec.timeoutMs);
  } catch (err) {
    // Probes report failures as data; reaching here is a bug in a probe, shown as the check's error.
    const message = `probe failed: ${(err as Error).message}`;
    obs = { latencyMs: 0, error: { code: 'unknown', message }, values: (root) => (root === 'error' ? 'unknown' : undefined), detail: message };
  }
  window.push(obs.latencyMs);
  const quantiles: Record<string, number | undefined> = { p50: window.quantile(0.5), p95: window.quantile(0.95), p99: window.quantile(0.99) };
  const verdict = evaluate(monitor.condition, (root, segments) => (root in quantiles ? quantiles[root] : obs.values(root, segments)));
  const result: CheckResult = { monitorId: spec.id, at, ok: verdict.ok, latencyMs: obs.latencyMs, failed: verdict.failed, detail: obs.detail, recheck };
  if (obs.status !== undefined) result.status = obs.status;
  if (obs.error) result.errorCode = obs.error.code;
  if (obs.certificate) result.certificate = obs.certificate;
  return result;
}

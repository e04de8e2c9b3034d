/** What one probe saw, before the monitor's condition judges it. */
import type { ValueLookup } from '../conditions/evaluate.js';

export interface ProbeError {
  code: string;
  message: string;
}

export interface Observation {
  latencyMs: number;
  /** HTTP status, when there was a response. */
  status?: number;
  error?: ProbeError;
  /** The values the condition names (p50/p95/p99 are added by the runner). */
  values: ValueLookup;
  /** One line for the check log: where the request ended, what the certificate says. */
  detail: string;
  /** TLS monitors: the leaf's expiry, for the 30/14/7/1-day warnings and /metrics. */
  certificate?: { validTo: number; daysLeft: number };
}

/** `json.order.items[0].sku`: walks objects and arrays; undefined when any step is missing. */
export function readSegments(document: unknown, segments: ReadonlyArray<string | number>): unknown {
  let current = document;
  for (const key of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    const k = String(key);
    if (!Object.prototype.hasOwnProperty.call(current, k)) return undefined;
    current = (current as Record<string, unknown>)[k];
  }
  return current;
}

/** Parses a body as JSON once, on first use. */
export function lazyJson(text: () => string): () => unknown {
  let parsed: { value: unknown } | undefined;
  return () => {
    if (!parsed) {
      try {
        parsed = { value: JSON.parse(text()) as unknown };
      } catch {
        parsed = { value: undefined };
      }
    }
    return parsed.value;
  };
}

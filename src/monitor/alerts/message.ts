/** An alert as queued in the outbox: channel-agnostic, rendered by each channel when sent. */
import type { Severity } from '../model.js';

export type AlertKind = 'opened' | 'reminder' | 'recovered' | 'flapping' | 'certificate' | 'budget' | 'burn-rate' | 'test';

export interface AlertMessage {
  kind: AlertKind;
  severity: Severity;
  /** "checkout is down" */
  title: string;
  /** One or two sentences: what, since when, what to look at. */
  text: string;
  at: number;
  monitorId?: string;
  monitorName?: string;
  /** `GET https://www.acme.test/checkout`: never headers or bodies. */
  target?: string;
  incidentId?: number;
  since?: number;
  durationMs?: number;
  /** The failing tests with the values seen, and the check's detail line. */
  evidence?: string[];
  /** The dashboard page of the monitor or incident. */
  link?: string;
}

/** "3 min 20 s", "2 h 5 min", "45 s". */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

export function formatTime(at: number): string {
  return new Date(at).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

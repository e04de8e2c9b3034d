import type { CheckResult } from '../core/check.js';
import type { Finding, Severity } from '../core/finding.js';

/** One row of the route map: what a public name points at, end to end. */
export interface RouteMapEntry {
  host: string;
  environment?: string;
  cnames: string[];
  addresses: string[];
  /** Edge/CDN provider in front of the host, or null when none was detected. */
  edge: string | null;
  /** How the edge was recognised (response header, CNAME target, published address range) and what was seen. */
  edgeVia?: 'header' | 'cname' | 'address';
  edgeEvidence?: string;
  /** Where GET https://host/ ends up after redirects. */
  finalUrl?: string;
  status?: number;
  /** Version(s) the host's addresses report, de-duplicated. */
  versions: string[];
  tls?: { issuer: string; validTo: string; protocol?: string };
  error?: string;
}

export type MinimumBarStatus = 'met' | 'not-met' | 'not-checked';

export interface MinimumBarItem {
  id: string;
  label: string;
  status: MinimumBarStatus;
  /** One line: what was seen, or why it was not checked. */
  detail: string;
  /** Ids of the findings that make it not met. */
  findingIds: string[];
}

/** The audit report; its JSON form is documented in docs/report-json.md and kept stable. */
export interface Report {
  tool: { name: 'launch-ready'; version: string };
  target: string;
  startedAt: string;
  durationMs: number;
  verdict: 'ready' | 'not-ready';
  /** e.g. "Not launch ready — 4 blockers, 7 to fix this week". */
  headline: string;
  summary: Record<Severity, number>;
  minimumBar: MinimumBarItem[];
  /** Ranked by launch risk, rank 1 first. */
  findings: Finding[];
  routes: RouteMapEntry[];
  /** Every check that ran, with `error` ones listed as not checked. */
  checks: CheckResult[];
}

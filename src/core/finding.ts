/** Severity of a finding, most severe first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The roadmap's seven stages; a finding belongs to exactly one. */
export const STAGES = {
  1: 'traffic map',
  2: 'edge',
  3: 'secrets',
  4: 'speed',
  5: 'observability',
  6: 'deploy',
  7: 'handover',
} as const;
export type Stage = keyof typeof STAGES;

/** Business weight of what a finding hits; checkout, login, chat and webhooks carry revenue. */
export const ROUTE_KINDS = ['checkout', 'login', 'chat', 'webhook', 'api', 'page'] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

export interface Finding {
  id: string;
  severity: Severity;
  stage: Stage;
  /** Host or URL the finding is about. */
  target: string;
  title: string;
  /** What the user can verify themselves: the exact record, header, date or chain. */
  evidence: string;
  /** Why it matters to the business, one sentence. */
  impact: string;
  remediation: string;
  reference: string;
  /** The most valuable kind of route this finding touches (drives ranking). */
  routeKind?: RouteKind;
  /** 1-based position once ranked by launch risk. */
  rank?: number;
}

export function severityAtLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

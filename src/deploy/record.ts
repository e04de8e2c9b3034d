/**
 * One line of the deploy log (`.launch-ready/deploys.jsonl`): what was deployed where, by whom,
 * whether verification passed and why not, and what it saw (versions, edge facts, findings), so a
 * later deploy can be compared with it. Plain JSON, never a secret: route bodies and headers are
 * not recorded, only what the smoke tests concluded.
 */
import type { Severity } from '../core/finding.js';
import type { HostFacts } from './facts.js';

export type SmokeKind = 'route' | 'health' | 'chat';

export interface SmokeResult {
  kind: SmokeKind;
  name: string;
  url: string;
  ok: boolean;
  /** Why it failed, or what it saw when it passed (status, dependencies). */
  detail: string;
  /** Wall time of the request (redirects included), for latency comparison between deploys. */
  totalMs?: number;
}

export interface AddressVersion {
  environment: string;
  host: string;
  address: string;
  version?: string;
  commit?: string;
  reportedEnvironment?: string;
  /** The HTTP status or network error when no version came back. */
  problem?: string;
}

export interface RecordedFinding {
  id: string;
  severity: Severity;
  target: string;
  title: string;
}

export interface Actor {
  name: string;
  /** Where the name came from: `github`, `gitlab`, `git` (author of HEAD)… */
  via: string;
}

export interface DeployRecord {
  /** 1, 2, 3… in the order deploys were recorded in this log. */
  id: number;
  environment: string;
  /** Set when verification targeted `--base-url` instead of the environment's own hosts. */
  baseUrl?: string;
  /** What was expected (`--expect-version` or the git HEAD), else what most addresses report. */
  version?: string;
  commit?: string;
  /** Where the expectation came from. */
  expectedFrom: 'flag' | 'git' | 'majority';
  timestamp: string;
  who: Actor;
  result: 'pass' | 'fail';
  /** What broke, one line each, naming the route, host or address. */
  failures: string[];
  /** Worth knowing, not failures: a renewed certificate, staging ahead of production. */
  notes: string[];
  smoke: SmokeResult[];
  versions: AddressVersion[];
  /** Other environments' versions, for "staging is ahead" notes. */
  otherVersions: AddressVersion[];
  facts: HostFacts[];
  findings: RecordedFinding[];
  /** Findings against the previous deploy of the same environment. */
  diff: { previous?: number; added: RecordedFinding[]; resolved: RecordedFinding[] };
  /** true when changed edge facts were accepted as the new baseline (`--accept-changes`). */
  acceptedChanges?: boolean;
}

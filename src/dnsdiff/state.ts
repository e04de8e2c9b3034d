/**
 * The DNS diff's artifact: the desired state (from dns.yaml or a zone file) and what the live DNS
 * answered for the same names. Plain JSON; the diff and the dns.* checks are pure functions of it.
 */
import type { DiffType, RecordSet } from './records.js';

export interface LookupFailure {
  name: string;
  type: DiffType;
  message: string;
}

export interface DnsState {
  /** The zone apex, e.g. `acme.test`. */
  zone: string;
  /** Where the desired state came from (a file path). */
  desiredSource: string;
  desired: RecordSet[];
  live: RecordSet[];
  /** Names the live DNS says do not exist (NXDOMAIN). */
  missingNames: string[];
  /** Queries that failed: those name/type pairs are neither created nor deleted, only reported. */
  failures: LookupFailure[];
  /** Live answers were authoritative, so TTLs are the zone's own and can be compared. */
  authoritative: boolean;
  /** Servers asked, for the report. */
  servers: string[];
  /** Live CNAME targets and whether each has an address now. */
  cnameTargets: Array<{ target: string; resolves: boolean }>;
}

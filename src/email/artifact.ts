/**
 * What the email stage collects: every record as it was answered, lookup failures as data. Plain
 * JSON, so an audit can be saved and its checks re-run without network; checks parse the raw
 * records themselves (parsing is pure).
 */
import type { CaaRecord } from './resolver.js';
import type { SpfNode } from './spf/walk.js';

export type LookupStatus = 'ok' | 'nxdomain' | 'nodata' | 'error';

export interface TxtLookup {
  name: string;
  status: LookupStatus;
  /** Each TXT record, its character-strings joined (RFC 7208 §3.3, RFC 6376 §3.6.2.2). */
  records: string[];
  /** status `error`: what failed (timeout, SERVFAIL, …). */
  error?: string;
}

export interface MxHost {
  priority: number;
  exchange: string;
  addresses: string[];
  status: LookupStatus;
  error?: string;
}

export interface MxLookup {
  status: LookupStatus;
  /** In preference order; a Null MX (RFC 7505) has the exchange ''. */
  hosts: MxHost[];
  error?: string;
}

export interface ReportAuthorization {
  uri: string;
  /** The domain reports would go to. */
  destination: string;
  /** `POLICYDOMAIN._report._dmarc.DESTINATION` (RFC 7489 §7.1). */
  lookup: TxtLookup;
}

export interface DmarcArtifact {
  orgDomain: string;
  /** `_dmarc.DOMAIN`, then `_dmarc.ORGDOMAIN` when the first has none and they differ (RFC 7489 §6.6.3). */
  lookups: TxtLookup[];
  /** Authorisation lookups for report addresses outside the organisational domain. */
  reportAuthorizations: ReportAuthorization[];
}

export interface DkimSelectorLookup {
  selector: string;
  source: 'config' | 'probe';
  lookup: TxtLookup;
}

export interface MtaStsArtifact {
  txt: TxtLookup;
  /** Fetched only when a v=STSv1 record announces a policy. */
  policy?: { url: string; status?: number; body: string; error?: string };
}

export interface CaaLookup {
  host: string;
  /** The name whose CAA records apply: the host or its closest ancestor with some (RFC 8659 §3). */
  foundAt?: string;
  records: CaaRecord[];
  error?: string;
}

export interface EmailArtifact {
  domain: string;
  spf: SpfNode;
  dmarc: DmarcArtifact;
  dkim: {
    /** Selectors asked for. */
    probed: string[];
    /** Configured selectors (found or not) and probed ones that answered. */
    selectors: DkimSelectorLookup[];
  };
  mx: MxLookup;
  mtaSts: MtaStsArtifact;
  tlsRpt: TxtLookup;
  bimi: TxtLookup;
  caa: CaaLookup[];
}

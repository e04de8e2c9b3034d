/**
 * Artifacts: plain, serialisable data produced by collectors and consumed by checks.
 * Collectors never throw for a target's fault; failures are recorded here as data.
 */
import type { DnsState } from '../dnsdiff/state.js';
import type { ChatbotArtifact } from '../eval/audit/artifact.js';
import type { EmailArtifact } from '../email/artifact.js';
import type { HangProbe, HistoryGrowthProbe, ReadRepeatProbe } from '../latency/audit/artifacts.js';
import type { TargetRun } from '../latency/result.js';
import type { EnvInventory } from '../envinv/types.js';
import type { FrontendSecretScan, HistorySecretScan, RepoSecretScan } from '../secrets/artifact.js';
import type { AuditPlan } from './plan.js';

export type NetErrorCode =
  | 'dns-nxdomain'
  | 'dns-nodata'
  | 'dns-timeout'
  | 'dns-error'
  | 'connect-refused'
  | 'connect-timeout'
  | 'tls'
  | 'headers-timeout'
  | 'body-timeout'
  | 'timeout'
  | 'reset'
  | 'too-large'
  | 'bad-response'
  | 'unknown';

export interface NetError {
  code: NetErrorCode;
  message: string;
}

export interface DnsLookup {
  name: string;
  /** CNAME chain in resolution order: the first entry is what `name` points at. */
  cnames: string[];
  a: string[];
  aaaa: string[];
  /** `ok` when at least one address was found. */
  status: 'ok' | 'nxdomain' | 'nodata' | 'error';
  error?: NetError;
}

export interface HttpExchange {
  url: string;
  method: string;
  /** The address connected to, when the request was pinned to one. */
  address?: string;
  status?: number;
  /** Lower-cased header names; repeated headers keep every value in order. */
  headers: Record<string, string[]>;
  /** Decoded body text, at most the body cap. */
  body: string;
  /** Bytes received on the wire (before decompression). */
  bodyBytes: number;
  truncated: boolean;
  timings: { ttfbMs?: number; totalMs: number };
  error?: NetError;
}

export type ChainOutcome = 'ok' | 'loop' | 'too-many-redirects' | 'bad-location' | 'error';

export interface RedirectChain {
  startUrl: string;
  /** Every request made, in order; the last one is the final response or the failure. */
  exchanges: HttpExchange[];
  outcome: ChainOutcome;
}

export interface CertificateInfo {
  subject: string;
  issuer: string;
  subjectAltNames: string[];
  validFrom: string;
  validTo: string;
  serialNumber: string;
  fingerprint256: string;
  keyType?: string;
  keyBits?: number;
  /** e.g. `sha256WithRSAEncryption`, `ecdsa-with-SHA256`. */
  signatureAlgorithm?: string;
  selfSigned: boolean;
}

export interface TlsProbe {
  host: string;
  port: number;
  ok: boolean;
  error?: NetError;
  protocol?: string;
  cipher?: string;
  /** Chain verified against the trusted roots (system plus `--ca`). */
  authorized: boolean;
  authorizationError?: string;
  hostnameMatches: boolean;
  /** Leaf first. */
  chain: CertificateInfo[];
  /** true: accepted, false: refused, null: could not be probed. */
  legacyProtocols: { 'TLSv1': boolean | null; 'TLSv1.1': boolean | null };
}

export interface HostArtifact {
  host: string;
  environment?: string;
  dns: DnsLookup;
  tls?: TlsProbe;
  /** GET https://host/ with its redirects. */
  https?: RedirectChain;
  /** GET http://host/ with its redirects. */
  http?: RedirectChain;
  /** GET https://host/robots.txt (no redirects followed). */
  robots?: HttpExchange;
}

export interface RouteArtifact {
  name: string;
  chain: RedirectChain;
}

export interface VersionProbe {
  environment: string;
  host: string;
  /** Address the request was pinned to (every address a host resolves to is probed). */
  address: string;
  url: string;
  exchange: HttpExchange;
  version?: string;
  commit?: string;
  /** Environment name the deployment reports about itself, if any. */
  reportedEnvironment?: string;
}

export interface HealthProbe {
  url: string;
  exchange: HttpExchange;
}

export interface AssetProbe {
  pageUrl: string;
  url: string;
  exchange: HttpExchange;
}

export interface CorsProbe {
  url: string;
  /** The foreign origin sent in the request. */
  origin: string;
  exchange: HttpExchange;
}

export interface CollectedArtifacts {
  hosts: HostArtifact[];
  routes: RouteArtifact[];
  versions: VersionProbe[];
  health: HealthProbe[];
  assets: AssetProbe[];
  cors: CorsProbe[];
  email: EmailArtifact;
  dnsState: DnsState;
  /** Short benches of the latency targets that have budgets. */
  latency: TargetRun[];
  readRepeats: ReadRepeatProbe[];
  historyGrowth: HistoryGrowthProbe[];
  hangProbes: HangProbe[];
  /** The deployed frontend: bundles, source maps, leak paths (issue 3). */
  frontendSecrets: FrontendSecretScan;
  repoSecrets: RepoSecretScan;
  historySecrets: HistorySecretScan;
  envInventory: EnvInventory;
  /** The chatbot eval's results (built-in packs), when the config has a chatbot section. */
  chatbot: ChatbotArtifact;
}

export type ArtifactName = keyof CollectedArtifacts;

export interface Artifacts extends Partial<CollectedArtifacts> {
  plan: AuditPlan;
  /** Collectors that failed as a whole (a bug or a cancelled run), by artifact name. */
  errors?: Partial<Record<ArtifactName, string>>;
}

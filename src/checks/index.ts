/** The registry of audit checks. Each stage folder exports its checks from its own index. */
import type { AnyCheck } from '../core/check.js';
import cacheStaticUncached from './cache/static-uncached.js';
import cachePrivateCached from './cache/private-cached.js';
import cacheRepeatedReadSlow from './cache/repeated-read-slow.js';
import cookieInsecure from './cookie/insecure.js';
import corsWildcardCredentials from './cors/wildcard-credentials.js';
import deployVersionEndpointMissing from './deploy/version-endpoint-missing.js';
import deployVersionMismatch from './deploy/version-mismatch.js';
import dnsDanglingCname from './dns/dangling-cname.js';
import dnsMissingRecord from './dns/missing-record.js';
import dnsStaleAddress from './dns/stale-address.js';
import dnsDrift from './dns/drift.js';
import dnsMailRecordsChanged from './dns/mail-records-changed.js';
import dnsSubdomainBroken from './dns/subdomain-broken.js';
import edgeOriginExposed from './edge/origin-exposed.js';
import { chatbotChecks } from './chatbot/index.js';
import { emailChecks } from './email/index.js';
import edgeUnprotected from './edge/unprotected.js';
import envMixed from './env/mixed.js';
import envPreviewExposed from './env/preview-exposed.js';
import headersCspMissing from './headers/csp-missing.js';
import headersFrameMissing from './headers/frame-missing.js';
import headersNosniffMissing from './headers/nosniff-missing.js';
import headersReferrerMissing from './headers/referrer-missing.js';
import hstsMissing from './hsts/missing.js';
import hstsWeak from './hsts/weak.js';
import healthMissing from './health/missing.js';
import healthShallow from './health/shallow.js';
import httpsNotEnforced from './https/not-enforced.js';
import httpUncompressed from './http/uncompressed.js';
import latencyErrors from './latency/errors.js';
import latencyHistoryGrowth from './latency/history-growth.js';
import latencyP95OverBudget from './latency/p95-over-budget.js';
import redirectChain from './redirect/chain.js';
import { secretsStageChecks } from './secret/index.js';
import redirectConflictingCanonical from './redirect/conflicting-canonical.js';
import redirectDowngrade from './redirect/downgrade.js';
import redirectLoop from './redirect/loop.js';
import redirectTemporary from './redirect/temporary.js';
import routeUnreachable from './route/unreachable.js';
import tlsExpired from './tls/expired.js';
import tlsExpiringSoon from './tls/expiring-soon.js';
import tlsHostnameMismatch from './tls/hostname-mismatch.js';
import tlsLegacyProtocol from './tls/legacy-protocol.js';
import tlsUntrusted from './tls/untrusted.js';
import tlsWeakKey from './tls/weak-key.js';
import timeoutMissing from './timeout/missing.js';
import tracingMissing from './tracing/missing.js';

export const checks: readonly AnyCheck[] = [
  // traffic map
  routeUnreachable,
  dnsMissingRecord,
  dnsDanglingCname,
  dnsStaleAddress,
  dnsSubdomainBroken,
  dnsMailRecordsChanged,
  dnsDrift,
  deployVersionMismatch,
  deployVersionEndpointMissing,
  envPreviewExposed,
  envMixed,
  // edge: TLS, https, HSTS, redirects, CDN/WAF
  tlsExpired,
  tlsExpiringSoon,
  tlsHostnameMismatch,
  tlsUntrusted,
  tlsLegacyProtocol,
  tlsWeakKey,
  httpsNotEnforced,
  hstsMissing,
  hstsWeak,
  redirectLoop,
  redirectChain,
  redirectConflictingCanonical,
  redirectTemporary,
  redirectDowngrade,
  edgeUnprotected,
  edgeOriginExposed,
  // edge: headers, cookies, CORS
  headersCspMissing,
  headersNosniffMissing,
  headersFrameMissing,
  headersReferrerMissing,
  cookieInsecure,
  corsWildcardCredentials,
  // secrets
  ...secretsStageChecks,
  // speed
  cachePrivateCached,
  cacheStaticUncached,
  httpUncompressed,
  cacheRepeatedReadSlow,
  latencyP95OverBudget,
  latencyErrors,
  latencyHistoryGrowth,
  timeoutMissing,
  // observability
  healthMissing,
  healthShallow,
  tracingMissing,
  // email deliverability
  ...emailChecks,
  // chatbot eval
  ...chatbotChecks,
];

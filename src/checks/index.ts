/** The registry of audit checks. Each stage folder exports its checks from its own index. */
import type { AnyCheck } from '../core/check.js';
import cacheStaticUncached from './cache/static-uncached.js';
import cachePrivateCached from './cache/private-cached.js';
import cookieInsecure from './cookie/insecure.js';
import corsWildcardCredentials from './cors/wildcard-credentials.js';
import deployVersionEndpointMissing from './deploy/version-endpoint-missing.js';
import deployVersionMismatch from './deploy/version-mismatch.js';
import dnsDanglingCname from './dns/dangling-cname.js';
import dnsMissingRecord from './dns/missing-record.js';
import dnsStaleAddress from './dns/stale-address.js';
import edgeOriginExposed from './edge/origin-exposed.js';
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
import redirectChain from './redirect/chain.js';
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
import tracingMissing from './tracing/missing.js';

export const checks: readonly AnyCheck[] = [
  // traffic map
  routeUnreachable,
  dnsMissingRecord,
  dnsDanglingCname,
  dnsStaleAddress,
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
  // speed
  cachePrivateCached,
  cacheStaticUncached,
  httpUncompressed,
  // observability
  healthMissing,
  healthShallow,
  tracingMissing,
];

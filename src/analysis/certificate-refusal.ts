/** Why a browser would refuse a host's certificate, from its TLS probe. */
import type { TlsProbe } from '../core/artifacts.js';

/** Each reason a browser shows an interstitial instead of the page; empty when it would connect. */
export function certificateRefusals(tls: TlsProbe, now: string): string[] {
  if (!tls.ok) return [`TLS handshake with ${tls.host}:${tls.port} failed (${tls.error?.code ?? 'unknown'}: ${tls.error?.message ?? 'no detail'})`];
  const reasons: string[] = [];
  const leaf = tls.chain[0];
  const at = Date.parse(now);
  if (leaf && Date.parse(leaf.validTo) <= at) reasons.push(`certificate for ${tls.host} expired on ${leaf.validTo}`);
  if (leaf && Date.parse(leaf.validFrom) > at) reasons.push(`certificate for ${tls.host} is not valid before ${leaf.validFrom}`);
  const datesWrong = reasons.length;
  if (!tls.hostnameMatches) {
    const names = leaf?.subjectAltNames.join(', ') || leaf?.subject || 'no names';
    reasons.push(`certificate does not cover ${tls.host} (it names ${names})`);
  }
  // Node reports an out-of-date leaf as an authorization error too; say it once.
  const datesSaid = datesWrong > 0 && /CERT_HAS_EXPIRED|CERT_NOT_YET_VALID/.test(tls.authorizationError ?? '');
  if (!tls.authorized && !datesSaid) reasons.push(`certificate for ${tls.host} is not trusted (${tls.authorizationError ?? 'chain not verified'})`);
  return reasons;
}

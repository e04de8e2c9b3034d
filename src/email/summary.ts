/**
 * What the email stage found, one line per record kind, printed above the findings by
 * `launch-ready email DOMAIN` so the founder sees the records themselves, not only what is wrong.
 */
import type { EmailArtifact, TxtLookup } from './artifact.js';
import { selectorKeys } from './dkim/keys.js';
import { discoveredDmarc } from './dmarc/discovered.js';
import { totalLookups } from './spf/walk.js';

function txtLine(lookup: TxtLookup, prefix: RegExp): string {
  const record = lookup.records.find((r) => prefix.test(r));
  if (record) return record;
  return lookup.status === 'error' ? `lookup failed (${lookup.error})` : 'none';
}

export function emailSummary(email: EmailArtifact): string[] {
  const spf = email.spf;
  const spfLine =
    spf.status === 'ok'
      ? `${spf.record}  (${totalLookups(spf)} DNS lookup${totalLookups(spf) === 1 ? '' : 's'})`
      : spf.status === 'none'
        ? 'none'
        : spf.status === 'multiple'
          ? `${spf.records?.length} records (only one is allowed)`
          : `lookup failed (${spf.problem})`;
  const dmarc = discoveredDmarc(email.dmarc);
  const dmarcLine = dmarc ? `${dmarc.records.join(' | ')}${dmarc.policyDomain !== email.domain ? `  (from ${dmarc.lookup.name})` : ''}` : email.dmarc.lookups.some((l) => l.status === 'error') ? 'lookup failed' : 'none';
  const keys = selectorKeys(email).filter((k) => k.record !== undefined);
  const dkimLine =
    keys.length > 0
      ? keys.map((k) => `${k.selector} (${k.key?.revoked ? 'revoked' : k.key?.bits ? `${k.key.bits}-bit ${k.key.keyType.toUpperCase()}` : 'unreadable'})`).join(', ')
      : `none found (${email.dkim.probed.length} selectors probed)`;
  const mxLine =
    email.mx.status === 'ok'
      ? email.mx.hosts.map((h) => (h.exchange === '' ? 'Null MX (accepts no mail)' : `${h.priority} ${h.exchange}`)).join(', ')
      : email.mx.status === 'error'
        ? `lookup failed (${email.mx.error})`
        : 'none';
  const sts = email.mtaSts.txt.records.find((r) => /^v=STSv1\b/.test(r));
  const mode = email.mtaSts.policy ? /^mode:\s*(\S+)/m.exec(email.mtaSts.policy.body)?.[1] : undefined;
  return [
    `Email records of ${email.domain}`,
    `  SPF      ${spfLine}`,
    `  DMARC    ${dmarcLine}`,
    `  DKIM     ${dkimLine}`,
    `  MX       ${mxLine}`,
    `  MTA-STS  ${sts ? `${sts}${mode ? `  (policy mode: ${mode})` : ''}` : txtLine(email.mtaSts.txt, /^v=STSv1\b/)}`,
    `  TLS-RPT  ${txtLine(email.tlsRpt, /^v=TLSRPTv1\b/)}`,
    `  BIMI     ${txtLine(email.bimi, /^v=BIMI1\b/i)}`,
  ];
}

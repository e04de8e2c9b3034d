/**
 * MX records to paste: the set without its dead hosts, a mailbox provider's documented MX set when
 * the SPF record shows which provider the domain uses, and the Null MX set (RFC 7505) of a domain
 * that takes no mail.
 */
import type { EmailArtifact, MxHost } from './artifact.js';
import type { DnsRecordLine } from './record-line.js';
import { nodesOf } from './spf/walk.js';

/** Mailbox providers' SPF include → their documented MX set (a function of the domain for Microsoft 365). */
const PROVIDER_MX: ReadonlyArray<[string, string, (domain: string) => string[]]> = [
  ['_spf.google.com', 'Google Workspace', () => ['1 smtp.google.com']],
  ['spf.protection.outlook.com', 'Microsoft 365', (d) => [`0 ${d.replace(/\./g, '-')}.mail.protection.outlook.com`]],
  ['zoho.com', 'Zoho Mail', () => ['10 mx.zoho.com', '20 mx2.zoho.com', '50 mx3.zoho.com']],
  ['spf.messagingengine.com', 'Fastmail', () => ['10 in1-smtp.messagingengine.com', '20 in2-smtp.messagingengine.com']],
  ['_spf.protonmail.ch', 'Proton Mail', () => ['10 mail.protonmail.ch', '20 mailsec.protonmail.ch']],
];

export function mxLines(domain: string, hosts: readonly Pick<MxHost, 'priority' | 'exchange'>[]): DnsRecordLine[] {
  return hosts.map((h) => ({ name: domain, type: 'MX', value: `${h.priority} ${h.exchange}` }));
}

/** The mailbox provider the SPF tree includes, with its MX set for this domain. */
export function providerMx(email: EmailArtifact): { provider: string; records: DnsRecordLine[] } | undefined {
  const includes = new Set(nodesOf(email.spf).filter((n) => n.via === 'include').map((n) => n.domain));
  const hit = PROVIDER_MX.find(([include]) => includes.has(include));
  return hit ? { provider: hit[1], records: hit[2](email.domain).map((value) => ({ name: email.domain, type: 'MX', value })) } : undefined;
}

/** RFC 7505 §4 with RFC 7208 and RFC 7489: a domain that neither sends nor receives mail says so three times. */
export function nullMxSet(domain: string): DnsRecordLine[] {
  return [
    { name: domain, type: 'MX', value: '0 .' },
    { name: domain, type: 'TXT', value: 'v=spf1 -all' },
    { name: `_dmarc.${domain}`, type: 'TXT', value: 'v=DMARC1; p=reject' },
  ];
}

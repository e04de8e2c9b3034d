/**
 * The demo world's DNS: the acme.test zone plus the two providers it points into (a static/status
 * page host and a mail host), computed from the fault state so DNS and email faults can be switched
 * live. With every fault off it is the desired state written to acme.test.zone.
 */
import type { ZoneRecord, ZoneSpec } from './dns-zone.js';
import type { FaultState } from './faults.js';
import { DOMAIN, HOST, MAIL_ZONE, MTA_STS_HOST, PAGES_ZONE, PRIMARY_ADDRESS, SECONDARY_ADDRESS, STATUS_TARGET } from './hosts.js';
import { MTA_STS_ID } from './mta-sts-policy.js';

export const DKIM_SELECTOR = 's1';

export interface ZoneInputs {
  /** Base64 SubjectPublicKeyInfo of the DKIM signing key (2048-bit RSA). */
  dkimPublicKey: string;
  /** The same for a 1024-bit RSA key, published by the dkim-1024 fault. */
  weakDkimPublicKey: string;
}

const MX1 = `mx1.${MAIL_ZONE}`;
const TXT = (name: string, data: string): ZoneRecord => ({ name, type: 'TXT', data });

/**
 * The include tree of the spf-too-many-lookups fault: 4 lookups at the apex (two includes, mx, a),
 * 2 in spf-a, 2 in spf-b, 2 in spf-d and 1 in spf-e make 11, one over RFC 7208 §4.6.4's limit.
 * Every term is a pass for fixed addresses, so the audit can offer a flattened record.
 */
const SPF_TREE: ReadonlyArray<[label: string, record: string]> = [
  ['spf-a', `v=spf1 include:spf-b.${DOMAIN} include:spf-c.${DOMAIN} ip4:127.0.0.10 ~all`],
  ['spf-b', `v=spf1 include:spf-d.${DOMAIN} a:${MX1} ~all`],
  ['spf-c', 'v=spf1 ip4:127.0.0.11 ~all'],
  ['spf-d', `v=spf1 include:spf-e.${DOMAIN} a:${MX1} ~all`],
  ['spf-e', `v=spf1 a:${MX1} ip4:127.0.0.12 ~all`],
];

/** The apex SPF, the records it includes, DMARC, DKIM, MX, MTA-STS and TLS-RPT. */
function mailRecords(faults: FaultState, inputs: ZoneInputs): ZoneRecord[] {
  const tooMany = faults.on('spf-too-many-lookups');
  const terms = tooMany ? [`include:_spf.${MAIL_ZONE}`, `include:spf-a.${DOMAIN}`, 'mx', 'a'] : [`include:_spf.${MAIL_ZONE}`];
  const all = faults.on('spf-plus-all') ? '+all' : '-all';
  const records: ZoneRecord[] = [
    { name: DOMAIN, type: 'MX', data: { preference: 10, exchange: MX1 } },
    TXT(DOMAIN, ['v=spf1', ...terms, all].join(' ')),
    TXT(`${DKIM_SELECTOR}._domainkey.${DOMAIN}`, `v=DKIM1; k=rsa; p=${faults.on('dkim-1024') ? inputs.weakDkimPublicKey : inputs.dkimPublicKey}`),
    // The policy host is always there; the fault is that no record announces it.
    { name: MTA_STS_HOST, type: 'A', data: PRIMARY_ADDRESS },
  ];
  if (tooMany) records.push(...SPF_TREE.map(([label, record]) => TXT(`${label}.${DOMAIN}`, record)));
  // A missing record wins over a weak one: both faults on means no DMARC at all.
  if (!faults.on('dmarc-missing')) {
    const policy = faults.on('dmarc-none') ? 'p=none' : 'p=reject; adkim=s; aspf=s';
    records.push(TXT(`_dmarc.${DOMAIN}`, `v=DMARC1; ${policy}; rua=mailto:dmarc@${DOMAIN}`));
  }
  if (faults.on('mx-no-address')) records.push({ name: DOMAIN, type: 'MX', data: { preference: 20, exchange: `mx2.${MAIL_ZONE}` } });
  if (!faults.on('mta-sts-missing')) records.push(TXT(`_mta-sts.${DOMAIN}`, `v=STSv1; id=${MTA_STS_ID}`));
  if (!faults.on('tls-rpt-missing')) records.push(TXT(`_smtp._tls.${DOMAIN}`, `v=TLSRPTv1; rua=mailto:tls-reports@${DOMAIN}`));
  return records;
}

export function worldZones(faults: FaultState, inputs: ZoneInputs): ZoneSpec[] {
  const a = (name: string, address = PRIMARY_ADDRESS): ZoneRecord => ({ name, type: 'A', data: address });
  const acme: ZoneRecord[] = [
    { name: DOMAIN, type: 'NS', data: `ns1.${DOMAIN}` },
    a(`ns1.${DOMAIN}`),
    a(HOST.apex),
    a(HOST.apex, SECONDARY_ADDRESS),
    a(HOST.www),
    a(HOST.app),
    ...(faults.on('dns-api-dropped') ? [] : [a(HOST.api)]),
    a(HOST.admin),
    a(HOST.staging),
    a(HOST.preview),
    { name: HOST.status, type: 'CNAME', data: STATUS_TARGET },
    ...mailRecords(faults, inputs),
    { name: DOMAIN, type: 'CAA', data: { flags: 0, tag: 'issue', value: 'ca.acme-demo.test' } },
    { name: DOMAIN, type: 'CAA', data: { flags: 0, tag: 'iodef', value: `mailto:security@${DOMAIN}` } },
    // RFC 6186: where mail clients submit.
    { name: `_submission._tcp.${DOMAIN}`, type: 'SRV', data: { priority: 0, weight: 1, port: 587, target: MX1 } },
  ];
  if (!faults.on('missing-record')) acme.push(a(HOST.shop));
  // A verification record added by hand at the DNS provider, never put in the desired state.
  if (faults.on('dns-drift')) acme.push(TXT(HOST.www, 'stripe-verification=demo'));

  const pages: ZoneRecord[] = faults.on('dangling-cname') ? [] : [a(STATUS_TARGET)];
  // mx2 (the mx-no-address fault's MX) has no record here on purpose.
  const mail: ZoneRecord[] = [a(MX1), TXT(`_spf.${MAIL_ZONE}`, 'v=spf1 ip4:127.0.0.0/8 -all')];

  return [
    { origin: DOMAIN, records: acme },
    { origin: PAGES_ZONE, records: pages },
    { origin: MAIL_ZONE, records: mail },
  ];
}

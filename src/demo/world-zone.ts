/**
 * The demo world's DNS: the acme.test zone plus the two providers it points into (a static/status
 * page host and a mail host), computed from the fault state so DNS faults can be switched live.
 */
import type { ZoneRecord, ZoneSpec } from './dns-zone.js';
import type { FaultState } from './faults.js';
import { DOMAIN, HOST, PAGES_ZONE, PRIMARY_ADDRESS, SECONDARY_ADDRESS, STATUS_TARGET } from './hosts.js';

const MAIL_ZONE = 'mailhost.test';
export const DKIM_SELECTOR = 's1';

export interface ZoneInputs {
  /** Base64 SubjectPublicKeyInfo of the DKIM signing key. */
  dkimPublicKey: string;
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
    a(HOST.api),
    a(HOST.admin),
    a(HOST.staging),
    a(HOST.preview),
    { name: HOST.status, type: 'CNAME', data: STATUS_TARGET },
    { name: DOMAIN, type: 'MX', data: { preference: 10, exchange: `mx1.${MAIL_ZONE}` } },
    { name: DOMAIN, type: 'TXT', data: `v=spf1 include:_spf.${MAIL_ZONE} -all` },
    { name: `_dmarc.${DOMAIN}`, type: 'TXT', data: `v=DMARC1; p=reject; rua=mailto:dmarc@${DOMAIN}; adkim=s; aspf=s` },
    { name: `${DKIM_SELECTOR}._domainkey.${DOMAIN}`, type: 'TXT', data: `v=DKIM1; k=rsa; p=${inputs.dkimPublicKey}` },
    { name: DOMAIN, type: 'CAA', data: { flags: 0, tag: 'issue', value: 'ca.acme-demo.test' } },
    { name: DOMAIN, type: 'CAA', data: { flags: 0, tag: 'iodef', value: `mailto:security@${DOMAIN}` } },
    // RFC 6186: where mail clients submit.
    { name: `_submission._tcp.${DOMAIN}`, type: 'SRV', data: { priority: 0, weight: 1, port: 587, target: `mx1.${MAIL_ZONE}` } },
  ];
  if (!faults.on('missing-record')) acme.push(a(HOST.shop));

  const pages: ZoneRecord[] = faults.on('dangling-cname') ? [] : [a(STATUS_TARGET)];
  const mail: ZoneRecord[] = [a(`mx1.${MAIL_ZONE}`), { name: `_spf.${MAIL_ZONE}`, type: 'TXT', data: 'v=spf1 ip4:127.0.0.0/8 -all' }];

  return [
    { origin: DOMAIN, records: acme },
    { origin: PAGES_ZONE, records: pages },
    { origin: MAIL_ZONE, records: mail },
  ];
}

/**
 * Email artifacts for check tests, built by the real collector from small fake zones: a case reads
 * as the DNS a domain publishes, and the artifact is exactly what an audit would record.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { Artifacts } from '../../src/core/artifacts.js';
import { collectEmailRecords, type PolicyFetcher } from '../../src/email/collect.js';
import { plan } from '../helpers/artifacts.js';
import { fakeResolver, type FakeZone } from './fake-dns.js';

/** Base64 SubjectPublicKeyInfo of a fresh RSA key, as a DKIM p= value. */
export function rsaKey(bits: number): string {
  return generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
}

export const KEY_2048 = rsaKey(2048);
export const KEY_1024 = rsaKey(1024);

export const GOOD_POLICY = 'version: STSv1\nmode: enforce\nmx: *.mail.test\nmax_age: 604800\n';

/** acme.test as a well-run shop publishes it: nothing for any email check to report. */
export function healthyZone(): FakeZone {
  return {
    'acme.test': {
      TXT: ['v=spf1 include:_spf.mail.test ~all', 'google-site-verification=abc123'],
      MX: [
        [10, 'mx1.mail.test'],
        [20, 'mx2.mail.test'],
      ],
      A: ['192.0.2.10'],
      CAA: [{ critical: 0, tag: 'issue', value: 'letsencrypt.org' }],
    },
    'www.acme.test': { A: ['192.0.2.10'] },
    '_spf.mail.test': { TXT: ['v=spf1 ip4:198.51.100.0/24 ip6:2001:db8:1::/48 -all'] },
    'mx1.mail.test': { A: ['198.51.100.1'] },
    'mx2.mail.test': { A: ['198.51.100.2'], AAAA: ['2001:db8:1::2'] },
    '_dmarc.acme.test': { TXT: ['v=DMARC1; p=reject; rua=mailto:dmarc@acme.test'] },
    'google._domainkey.acme.test': { TXT: [['v=DKIM1; k=rsa; p=', KEY_2048]] },
    '_mta-sts.acme.test': { TXT: ['v=STSv1; id=20260101'] },
    '_smtp._tls.acme.test': { TXT: ['v=TLSRPTv1; rua=mailto:tls@acme.test'] },
  };
}

export interface EmailCase {
  selectors?: string[];
  policy?: Awaited<ReturnType<PolicyFetcher>>;
  webHosts?: string[];
}

/** The artifacts an audit of `domain` would hold for this zone. */
export async function emailArtifacts(zone: FakeZone, opts: EmailCase = {}, domain = 'acme.test'): Promise<Artifacts> {
  const email = await collectEmailRecords(domain, opts.selectors ?? [], {
    dns: fakeResolver(zone),
    fetchPolicy: async () => opts.policy ?? { status: 200, body: GOOD_POLICY },
    webHosts: opts.webHosts ?? ['acme.test', 'www.acme.test'],
    concurrency: 4,
  });
  return { plan: plan(), email };
}

/** The healthy zone with some names replaced (undefined removes a name). */
export function zoneWith(changes: Record<string, FakeZone[string] | undefined>): FakeZone {
  const zone = healthyZone();
  for (const [name, entry] of Object.entries(changes)) {
    if (entry === undefined) delete zone[name];
    else zone[name] = entry;
  }
  return zone;
}

/** The healthy zone with the apex's SPF record replaced. */
export function withSpf(record: string | Array<string | string[]>, extra: FakeZone = {}): FakeZone {
  const zone = healthyZone();
  zone['acme.test'] = { ...zone['acme.test'], TXT: [...(Array.isArray(record) ? record : [record]), 'google-site-verification=abc123'] };
  return { ...zone, ...extra };
}

/** The healthy zone with the DMARC record replaced (no argument: removed). */
export function withDmarc(...records: string[]): FakeZone {
  return zoneWith({ '_dmarc.acme.test': records.length > 0 ? { TXT: records } : undefined });
}

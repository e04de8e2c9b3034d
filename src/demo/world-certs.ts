/**
 * Every certificate the demo front can present: a healthy one per host, and for each TLS fault the
 * flawed certificate it plants on its hosts. Issued once at start; the front picks one per handshake
 * from the fault state, so a certificate can "expire" while the world runs.
 */
import { createCa, daysFrom, type IssuedCertificate, type LeafOptions } from './ca.js';
import { FAULTS, type FaultName, type FaultState } from './faults.js';
import { MTA_STS_HOST, PAGES_ZONE, WEB_HOSTS } from './hosts.js';

/** TLS faults and how each one's certificate differs from a healthy one. */
const FLAWED: Partial<Record<FaultName, (host: string, now: Date) => Omit<LeafOptions, 'names'> & { names?: string[]; untrusted?: boolean }>> = {
  'tls-expired': (_host, now) => ({ notBefore: daysFrom(now, -395), notAfter: daysFrom(now, -20) }),
  'tls-expiring-soon': (_host, now) => ({ notBefore: daysFrom(now, -81), notAfter: daysFrom(now, 9) }),
  // The hosting platform's own certificate: the custom domain was never added to it.
  'tls-wrong-name': () => ({ names: [`*.${PAGES_ZONE}`, PAGES_ZONE] }),
  'tls-weak-key': (_host, now) => ({ weak: true, notAfter: daysFrom(now, 365) }),
  'tls-untrusted': () => ({ untrusted: true }),
};

export interface WorldCertificates {
  /** The root to trust (`--ca`). */
  caPem: string;
  /** The certificate to present for a host now; unknown hosts get the canonical host's. */
  certificateFor(host: string | undefined, faults: FaultState): IssuedCertificate;
}

export async function issueWorldCertificates(now: Date, defaultHost: string): Promise<WorldCertificates> {
  const [ca, untrustedCa] = await Promise.all([createCa('Acme Demo Root CA', now), createCa('Acme Staging Self-Made CA', now)]);
  const healthy = new Map<string, IssuedCertificate>();
  const flawed = new Map<string, IssuedCertificate>();
  const jobs: Array<Promise<void>> = [...WEB_HOSTS, MTA_STS_HOST].map(async (host) => {
    healthy.set(host, await ca.issue({ names: [host] }));
  });
  for (const fault of FAULTS) {
    const variant = FLAWED[fault.name];
    if (!variant) continue;
    for (const host of fault.hosts) {
      jobs.push(
        (async () => {
          const { untrusted, names, ...rest } = variant(host, now);
          const issuer = untrusted ? untrustedCa : ca;
          flawed.set(`${fault.name} ${host}`, await issuer.issue({ names: names ?? [host], ...rest }));
        })(),
      );
    }
  }
  await Promise.all(jobs);
  const flawedFaults = Object.keys(FLAWED) as FaultName[];

  return {
    caPem: ca.certPem,
    certificateFor(host, faults) {
      const name = host && healthy.has(host) ? host : defaultHost;
      const fault = flawedFaults.find((f) => faults.on(f, name) && flawed.has(`${f} ${name}`));
      return fault ? flawed.get(`${fault} ${name}`)! : healthy.get(name)!;
    },
  };
}

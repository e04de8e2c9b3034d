import { checkServerIdentity, connect, type DetailedPeerCertificate, type SecureVersion, type TLSSocket } from 'node:tls';
import type { CertificateInfo, NetError, TlsProbe } from '../core/artifacts.js';
import { resolveTarget, trustOptions } from './connector.js';
import type { DnsClient } from './dns-client.js';
import type { NetworkSettings } from './settings.js';
import type { x509 as X509 } from './x509.js';

type X509Module = typeof X509;

export interface TlsProbeOptions {
  /**
   * 'full' (the audit): the handshake, one more per legacy protocol (TLS 1.0, 1.1) and each
   * certificate's signature algorithm. 'single-handshake' (the monitor, every minute): one
   * handshake, legacy protocols left unknown (null) and no signature algorithm, so the X.509
   * parser is never loaded.
   */
  mode?: 'full' | 'single-handshake';
}

interface Handshake {
  socket?: TLSSocket;
  error?: NetError;
}

function handshake(
  address: string,
  port: number,
  servername: string,
  settings: NetworkSettings,
  versions?: { min: SecureVersion; max: SecureVersion },
): Promise<Handshake> {
  return new Promise((resolve) => {
    const socket = connect({
      host: address,
      port,
      servername,
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
      ...trustOptions(
        settings,
        versions
          ? // OpenSSL 3 refuses TLS 1.0/1.1 at its default security level; level 0 lets us see what the server accepts.
            { minVersion: versions.min, maxVersion: versions.max, ciphers: 'DEFAULT@SECLEVEL=0' }
          : {},
      ),
    });
    const timer = setTimeout(() => finish({ error: { code: 'connect-timeout', message: `no TLS handshake within ${settings.timeoutMs} ms` } }), settings.timeoutMs);
    let done = false;
    function finish(result: Handshake) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (!result.socket) socket.destroy();
      resolve(result);
    }
    socket.once('secureConnect', () => finish({ socket }));
    socket.once('error', (err: NodeJS.ErrnoException) =>
      finish({ error: { code: err.code === 'ECONNREFUSED' ? 'connect-refused' : err.code === 'ECONNRESET' ? 'reset' : 'tls', message: `${err.code ?? ''} ${err.message}`.trim().slice(0, 300) } }),
    );
  });
}

function signatureAlgorithmOf(raw: Buffer, x509: X509Module): string | undefined {
  try {
    const alg = new x509.X509Certificate(new Uint8Array(raw)).signatureAlgorithm as { name?: string; hash?: { name?: string } };
    return [alg.hash?.name, alg.name].filter(Boolean).join(' with ');
  } catch {
    return undefined;
  }
}

function describe(cert: DetailedPeerCertificate, x509: X509Module | undefined): CertificateInfo {
  const name = (o: Record<string, string | string[]> | undefined) =>
    o ? Object.entries(o).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`).join(', ') : '';
  const signatureAlgorithm = x509 ? signatureAlgorithmOf(cert.raw, x509) : undefined;
  const keyType = cert.asn1Curve || cert.nistCurve ? 'EC' : cert.modulus ? 'RSA' : cert.pubkey ? 'other' : undefined;
  return {
    subject: name(cert.subject as unknown as Record<string, string>),
    issuer: name(cert.issuer as unknown as Record<string, string>),
    subjectAltNames: cert.subjectaltname ? cert.subjectaltname.split(/,\s*/) : [],
    validFrom: new Date(cert.valid_from).toISOString(),
    validTo: new Date(cert.valid_to).toISOString(),
    serialNumber: cert.serialNumber,
    fingerprint256: cert.fingerprint256,
    keyType,
    keyBits: cert.bits,
    signatureAlgorithm,
    selfSigned: cert.issuerCertificate === cert || name(cert.subject as unknown as Record<string, string>) === name(cert.issuer as unknown as Record<string, string>),
  };
}

function chainOf(leaf: DetailedPeerCertificate, x509: X509Module | undefined): CertificateInfo[] {
  const chain: CertificateInfo[] = [];
  const seen = new Set<string>();
  let cert: DetailedPeerCertificate | undefined = leaf;
  while (cert && cert.raw && !seen.has(cert.fingerprint256) && chain.length < 10) {
    seen.add(cert.fingerprint256);
    chain.push(describe(cert, x509));
    cert = cert.issuerCertificate;
  }
  return chain;
}

/** Whether the server completes a handshake limited to one legacy protocol; null when unknown. */
async function accepts(address: string, port: number, host: string, settings: NetworkSettings, version: SecureVersion): Promise<boolean | null> {
  const hs = await handshake(address, port, host, settings, { min: version, max: version });
  if (hs.socket) {
    hs.socket.destroy();
    return true;
  }
  return hs.error?.code === 'tls' || hs.error?.code === 'reset' ? false : null;
}

/** One handshake per host with full certificate details, plus one per legacy protocol unless `mode` is 'single-handshake'. */
export async function probeTls(dns: DnsClient, settings: NetworkSettings, host: string, port = 443, options: TlsProbeOptions = {}): Promise<TlsProbe> {
  const full = (options.mode ?? 'full') === 'full';
  const probe: TlsProbe = { host, port, ok: false, authorized: false, hostnameMatches: false, chain: [], legacyProtocols: { TLSv1: null, 'TLSv1.1': null } };
  let target: { address: string; port: number };
  try {
    target = await resolveTarget(dns, settings, host, port);
  } catch (err) {
    probe.error = { code: ((err as { code?: string }).code as NetError['code']) ?? 'dns-error', message: (err as Error).message };
    return probe;
  }
  const hs = await handshake(target.address, target.port, host, settings);
  if (!hs.socket) {
    probe.error = hs.error;
    return probe;
  }
  const socket = hs.socket;
  const leaf = socket.getPeerCertificate(true);
  probe.ok = true;
  probe.protocol = socket.getProtocol() ?? undefined;
  probe.cipher = socket.getCipher()?.name;
  probe.authorized = socket.authorized;
  if (!socket.authorized && socket.authorizationError) probe.authorizationError = String(socket.authorizationError);
  probe.hostnameMatches = leaf && leaf.raw ? checkServerIdentity(host, leaf) === undefined : false;
  socket.destroy();
  probe.chain = leaf && leaf.raw ? chainOf(leaf, full ? (await import('./x509.js')).x509 : undefined) : [];
  if (!full) return probe;
  const [v10, v11] = await Promise.all([
    accepts(target.address, target.port, host, settings, 'TLSv1'),
    accepts(target.address, target.port, host, settings, 'TLSv1.1'),
  ]);
  probe.legacyProtocols = { TLSv1: v10, 'TLSv1.1': v11 };
  return probe;
}

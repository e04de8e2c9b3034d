/**
 * The offline demo world: a DNS server for acme.test, one front serving every host over HTTP and
 * HTTPS on loopback with certificates from a CA made at start, and the Acme shop behind it (the
 * production release, the previous one, and staging). Faults are planted by default and can be
 * switched while it runs.
 */
import { randomBytes } from 'node:crypto';
import { startDnsServer, type DnsServer } from './dns-server.js';
import { createDemoRepo, type DemoRepo } from './demo-repo.js';
import { createEdge } from './edge.js';
import { FaultState, type FaultOptions } from './faults.js';
import { startFront, type Front } from './front.js';
import { DOMAIN, HOST, PRIMARY_ADDRESS, SECONDARY_ADDRESS } from './hosts.js';
import { makeDemoKeys } from './leaks.js';
import { OrderStore } from './orders.js';
import { createShop, type Deployment } from './shop.js';
import { statusPage } from './status-page.js';
import { freeLoopbackPort } from './tool-gateway.js';
import { configYaml, supportFiles, VERSION_PATH, worldNetwork, type WorldEndpoints } from './world-config.js';
import { issueWorldCertificates } from './world-certs.js';
import { worldZones } from './world-zone.js';

export interface WorldOptions extends FaultOptions {
  /** The clock certificates are dated from (default: now). */
  now?: Date;
  /** Added before every response (bench/audit measures how concurrent the audit is). */
  responseDelayMs?: number;
}

export interface World {
  domain: string;
  dns: { port: number; endpoint: string };
  httpPort: number;
  httpsPort: number;
  /** The root every host's certificate chains to (except the untrusted one): pass it as `--ca`. */
  caPem: string;
  network: { dnsServers: string[]; connectTo: string[] };
  faults: FaultState;
  /** Throws a usage error for an unknown fault. */
  setFault(name: string, on: boolean): void;
  /** Resolves once every fault switched so far has taken effect (a repository fault rebuilds the demo repository). */
  settled(): Promise<void>;
  /** The shop's source repository, in a temporary folder removed by close(): the config's `secrets.paths`. */
  repoDir: string;
  /** launch-ready.yaml for this world; `caPath` is written as given. */
  configYaml(caPath: string): string;
  /** Files the config refers to (store facts, desired DNS zone), by file name. */
  supportFiles(): Record<string, string>;
  /** The basic-auth login of staging and preview, when they are protected. */
  stagingCredentials: { user: string; password: string };
  /** Milliseconds from the call to a world ready to serve. */
  startupMs: number;
  close(): Promise<void>;
}

export const DEPLOYMENTS: Record<'production' | 'previous' | 'staging' | 'preview', Deployment> = {
  production: { version: '1.4.2', commit: '3f9c21e5b7d4', environment: 'production', builtAt: '2026-11-20T14:03:00Z' },
  previous: { version: '1.4.1', commit: '8d0b6a4c12ef', environment: 'production', builtAt: '2026-11-06T10:41:00Z' },
  staging: { version: '1.5.0-rc.1', commit: 'c71e09d3aa58', environment: 'staging', builtAt: '2026-11-27T16:22:00Z' },
  preview: { version: '1.5.0-pr.42', commit: 'e4b2f7a90c13', environment: 'preview', builtAt: '2026-11-28T08:15:00Z' },
};

const API_ORIGIN = `https://${HOST.api}`;
const ALLOWED_ORIGINS = [`https://${HOST.www}`, `https://${HOST.app}`, `https://${HOST.apex}`];

/** A DKIM key published as s1._domainkey (RFC 6376 §3.6.1: base64 SubjectPublicKeyInfo); 1024 bits for the dkim-1024 fault. */
async function dkimPublicKey(modulusLength: 2048 | 1024): Promise<string> {
  const pair = await globalThis.crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength },
    true,
    ['sign', 'verify'],
  );
  return Buffer.from(await globalThis.crypto.subtle.exportKey('spki', pair.publicKey)).toString('base64');
}

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const started = performance.now();
  const faults = new FaultState(options);
  const keys = makeDemoKeys();
  // The repository's git commits run while the keys are generated.
  const repoCreated = createDemoRepo(faults, keys);
  const [certificates, dkim, weakDkim] = await Promise.all([issueWorldCertificates(options.now ?? new Date(), HOST.www), dkimPublicKey(2048), dkimPublicKey(1024)]).catch(async (err: unknown) => {
    await repoCreated.then((r) => r.close(), () => undefined);
    throw err;
  });
  const zoneInputs = { dkimPublicKey: dkim, weakDkimPublicKey: weakDkim };

  const orders = new OrderStore();
  const webhookSecret = randomBytes(32).toString('hex');
  // The bot's data tools call out to the port the config names as the eval's honeypot.
  const honeypotPort = await freeLoopbackPort();
  const toolGateway = `http://127.0.0.1:${honeypotPort}/tools`;
  const shop = (deployment: Deployment) =>
    createShop({ deployment, faults, orders, apiOrigin: API_ORIGIN, allowedOrigins: ALLOWED_ORIGINS, webhookSecret, keys, toolGateway });
  const stagingCredentials = { user: 'acme', password: randomBytes(12).toString('base64url') };
  const edge = createEdge({
    faults,
    deployments: {
      production: shop(DEPLOYMENTS.production).fetch,
      previous: shop(DEPLOYMENTS.previous).fetch,
      staging: shop(DEPLOYMENTS.staging).fetch,
      preview: shop(DEPLOYMENTS.preview).fetch,
    },
    statusPage,
    versionPath: VERSION_PATH,
    stagingCredentials,
  });

  let dns: DnsServer | undefined;
  let front: Front | undefined;
  let repo: DemoRepo | undefined;
  try {
    repo = await repoCreated;
    dns = await startDnsServer({ zones: worldZones(faults, zoneInputs) });
    front = await startFront({
      addresses: [PRIMARY_ADDRESS, SECONDARY_ADDRESS],
      handle: options.responseDelayMs
        ? async (request, connection) => {
            await new Promise((resolve) => setTimeout(resolve, options.responseDelayMs));
            return edge(request, connection);
          }
        : edge,
      tlsFor: (serverName) => ({
        certificate: certificates.certificateFor(serverName, faults),
        legacyProtocols: serverName !== undefined && faults.on('tls-legacy-protocol', serverName),
      }),
    });
  } catch (err) {
    await Promise.all([dns?.close(), front?.close(), repo?.close()]);
    throw err;
  }
  const liveDns = dns;
  const liveFront = front;
  const liveRepo = repo;
  // DNS faults change records: reload the zones on every switch.
  const unsubscribe = faults.subscribe(() => liveDns.load(worldZones(faults, zoneInputs)));
  const endpoints: WorldEndpoints = { dnsEndpoint: liveDns.endpoint, httpPort: liveFront.httpPort, httpsPort: liveFront.httpsPort, honeypotPort };

  return {
    domain: DOMAIN,
    dns: { port: liveDns.port, endpoint: liveDns.endpoint },
    httpPort: liveFront.httpPort,
    httpsPort: liveFront.httpsPort,
    caPem: certificates.caPem,
    network: worldNetwork(endpoints),
    faults,
    setFault: (name, on) => faults.set(name, on),
    settled: () => liveRepo.settled(),
    repoDir: liveRepo.dir,
    configYaml: (caPath) => configYaml(endpoints, caPath, liveRepo.dir),
    supportFiles: () => supportFiles(worldZones(new FaultState({ fixed: true }), zoneInputs).find((z) => z.origin === DOMAIN)!),
    stagingCredentials,
    startupMs: Math.round(performance.now() - started),
    close: async () => {
      unsubscribe();
      await Promise.all([liveFront.close(), liveDns.close(), liveRepo.close()]);
    },
  };
}

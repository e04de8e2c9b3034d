/**
 * A small authoritative DNS server over UDP and TCP on one port, serving mutable zones. UDP answers
 * that do not fit the client's buffer are truncated with TC set so the client retries over TCP
 * (RFC 1035 §4.2.1, RFC 7766). `hang` makes it accept queries and never answer, for tests of
 * hostile resolvers.
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, isIPv6, type Server, type Socket } from 'node:net';
import * as dnsPacket from 'dns-packet';
import { ZoneStore, type RecordData, type RecordType, type ZoneAnswer, type ZoneSpec } from './dns-zone.js';

export interface DnsServerOptions {
  zones: ZoneSpec[];
  /** Loopback by default. */
  host?: string;
  /** 0 (any free port) by default. */
  port?: number;
  /** Accept queries and never answer them. */
  hang?: boolean;
}

export interface DnsServer {
  port: number;
  address: string;
  /** `HOST:PORT`, as `--dns-server` takes it. */
  endpoint: string;
  /** Throws for a record no DNS message can carry (a TXT record over 65,535 bytes). */
  setRecords<T extends RecordType>(name: string, type: T, data: RecordData[T][], ttl?: number): void;
  remove(name: string, type?: RecordType): void;
  /** Replaces every zone; throws, serving the old zones still, for a record no DNS message can carry. */
  load(zones: ZoneSpec[]): void;
  /** While true, queries are received and never answered. */
  hang: boolean;
  close(): Promise<void>;
}

/** Without EDNS a UDP answer is capped at 512 bytes (RFC 1035 §2.3.4). */
const CLASSIC_UDP_LIMIT = 512;
/** The EDNS buffer size this server advertises and honours at most (DNS flag day 2020). */
const EDNS_UDP_LIMIT = 1232;
const MAX_TCP_MESSAGE = 65535;
const RCODES = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;

type Query = dnsPacket.DecodedPacket;

function ednsOf(query: Query): dnsPacket.OptAnswer | undefined {
  return query.additionals?.find((a): a is dnsPacket.OptAnswer => a.type === 'OPT');
}

function respond(zones: ZoneStore, query: Query): { packet: dnsPacket.Packet; rcode: number } {
  const questions = query.questions ?? [];
  const header = {
    id: query.id,
    type: 'response' as const,
    questions,
    additionals: ednsOf(query) ? [{ type: 'OPT', name: '.', udpPayloadSize: EDNS_UDP_LIMIT } as dnsPacket.OptAnswer] : [],
  };
  if (questions.length !== 1) return { packet: header, rcode: RCODES.FORMERR };
  const q = questions[0];
  const result: ZoneAnswer = zones.answer(q.name, q.type);
  return { packet: { ...header, answers: result.answers, authorities: result.authorities }, rcode: RCODES[result.rcode] };
}

function encode(packet: dnsPacket.Packet, rcode: number, query: Query, truncated = false): Buffer {
  const flags =
    dnsPacket.AUTHORITATIVE_ANSWER |
    ((query.flags ?? 0) & dnsPacket.RECURSION_DESIRED) |
    (truncated ? dnsPacket.TRUNCATED_RESPONSE : 0) |
    rcode;
  return dnsPacket.encode({ ...packet, flags });
}

/**
 * The answer, encoded; SERVFAIL (RFC 1035 §4.1.1) when a record cannot be (a field out of range):
 * one bad record fails the queries for it, not the server.
 */
function answerFor(zones: ZoneStore, query: Query): { message: Buffer; packet: dnsPacket.Packet; rcode: number } {
  const { packet, rcode } = respond(zones, query);
  try {
    return { message: encode(packet, rcode, query), packet, rcode };
  } catch {
    const empty = { ...packet, answers: [], authorities: [] };
    return { message: encode(empty, RCODES.SERVFAIL, query), packet: empty, rcode: RCODES.SERVFAIL };
  }
}

/** The UDP answer, or a truncated one (question only, TC set) when it exceeds what the client can take. */
function udpAnswer(zones: ZoneStore, query: Query): Buffer {
  const { message, packet, rcode } = answerFor(zones, query);
  const edns = ednsOf(query);
  const limit = edns ? Math.min(Math.max(edns.udpPayloadSize, CLASSIC_UDP_LIMIT), EDNS_UDP_LIMIT) : CLASSIC_UDP_LIMIT;
  if (message.length <= limit) return message;
  return encode({ ...packet, answers: [], authorities: [] }, rcode, query, true);
}

function decodeQuery(message: Buffer): Query | undefined {
  try {
    const query = dnsPacket.decode(message);
    return query.type === 'query' ? query : undefined;
  } catch {
    return undefined;
  }
}

function listenTcp(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as { port: number }).port);
    });
  });
}

function bindUdp(socket: UdpSocket, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, host, () => {
      socket.off('error', reject);
      resolve();
    });
  });
}

export async function startDnsServer(options: DnsServerOptions): Promise<DnsServer> {
  const host = options.host ?? '127.0.0.1';
  const zones = new ZoneStore(options.zones);
  const state = { hang: options.hang ?? false };
  const connections = new Set<Socket>();

  const tcp = createServer((socket) => {
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
    socket.on('error', () => socket.destroy());
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      if (state.hang) return;
      pending = Buffer.concat([pending, chunk]);
      // Each message is prefixed with its two-byte length (RFC 1035 §4.2.2).
      while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
        const length = pending.readUInt16BE(0);
        const query = decodeQuery(pending.subarray(2, 2 + length));
        pending = pending.subarray(2 + length);
        if (!query) {
          socket.destroy();
          return;
        }
        const answer = answerFor(zones, query);
        // Too big even for TCP (a record set over 64 KB): TC would leave the client nowhere to retry
        // and reads as "no data"; SERVFAIL says the server could not answer.
        const message = answer.message.length <= MAX_TCP_MESSAGE ? answer.message : encode({ ...answer.packet, answers: [], authorities: [] }, RCODES.SERVFAIL, query);
        const prefix = Buffer.alloc(2);
        prefix.writeUInt16BE(message.length, 0);
        socket.write(Buffer.concat([prefix, message]));
      }
    });
  });

  const udp = createSocket(isIPv6(host) ? 'udp6' : 'udp4');
  udp.on('message', (message, remote) => {
    if (state.hang) return;
    const query = decodeQuery(message);
    if (!query) return;
    udp.send(udpAnswer(zones, query), remote.port, remote.address);
  });

  // UDP and TCP share the port number: retry when the TCP port picked is taken for UDP.
  let port = 0;
  for (let attempt = 0; ; attempt++) {
    port = await listenTcp(tcp, options.port ?? 0, host);
    try {
      await bindUdp(udp, port, host);
      break;
    } catch (err) {
      await new Promise<void>((resolve) => tcp.close(() => resolve()));
      if (options.port || attempt >= 20) throw err;
    }
  }

  return {
    port,
    address: host,
    endpoint: isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`,
    setRecords: (name, type, data, ttl) => zones.setRecords(name, type, data, ttl),
    remove: (name, type) => zones.remove(name, type),
    load: (next) => zones.load(next),
    get hang() {
      return state.hang;
    },
    set hang(value: boolean) {
      state.hang = value;
    },
    close: async () => {
      for (const socket of connections) socket.destroy();
      await Promise.all([new Promise<void>((resolve) => tcp.close(() => resolve())), new Promise<void>((resolve) => udp.close(() => resolve()))]);
    },
  };
}

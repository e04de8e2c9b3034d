/**
 * One DNS question on the wire, for what c-ares does not report: the owner and TTL of every record
 * and whether the answer is authoritative (the DNS snapshot and diff need all three). UDP with EDNS
 * first, TCP when the answer comes back truncated (RFC 7766 §5); every exchange has a deadline and
 * a byte cap, so a silent or hostile server ends in an error, never a hang.
 */
import { randomInt } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { connect, isIP } from 'node:net';
import * as dnsPacket from 'dns-packet';

export interface WireRecord {
  /** Owner name as the server wrote it, lower-cased, without the trailing dot. */
  name: string;
  type: string;
  ttl: number;
  data: unknown;
}

export interface WireAnswer {
  /** NOERROR, NXDOMAIN, SERVFAIL, REFUSED, … */
  rcode: string;
  /** AA bit: the server is authoritative for the name, so TTLs are the zone's own, not a cache's countdown. */
  authoritative: boolean;
  answers: WireRecord[];
}

/** The buffer size advertised over UDP (DNS flag day 2020). */
const EDNS_UDP_SIZE = 1232;

function wireError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** `1.2.3.4`, `1.2.3.4:53`, `::1`, `[::1]:5353` (the forms --dns-server and dns.getServers() use). */
function splitServer(server: string): { host: string; port: number } {
  if (isIP(server)) return { host: server, port: 53 };
  const m = /^\[([^\]]+)\]:(\d+)$/.exec(server) ?? /^([^:]+):(\d+)$/.exec(server);
  if (!m) throw wireError('EBADSERVER', `not a DNS server address: ${server}`);
  return { host: m[1], port: Number(m[2]) };
}

function queryPacket(name: string, type: string): dnsPacket.Packet {
  return {
    type: 'query',
    id: randomInt(0, 65536),
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ type: type as dnsPacket.RecordType, name, class: 'IN' }],
    additionals: [{ type: 'OPT', name: '.', udpPayloadSize: EDNS_UDP_SIZE } as dnsPacket.Answer],
  };
}

function overUdp(host: string, port: number, query: dnsPacket.Packet, timeoutMs: number): Promise<dnsPacket.DecodedPacket> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(isIP(host) === 6 ? 'udp6' : 'udp4');
    const timer = setTimeout(() => finish(wireError('ETIMEOUT', `no answer from ${host}:${port} within ${timeoutMs} ms`)), timeoutMs);
    const finish = (err: Error | null, packet?: dnsPacket.DecodedPacket) => {
      clearTimeout(timer);
      socket.close();
      if (err) reject(err);
      else resolve(packet as dnsPacket.DecodedPacket);
    };
    socket.on('error', (err) => finish(err));
    socket.on('message', (message) => {
      try {
        const packet = dnsPacket.decode(message);
        // A datagram for another question (late answer, spoof attempt) is not ours: keep waiting.
        if (packet.id === query.id) finish(null, packet);
      } catch {
        finish(wireError('EBADRESP', `unparsable answer from ${host}:${port}`));
      }
    });
    socket.send(dnsPacket.encode(query), port, host);
  });
}

function overTcp(host: string, port: number, query: dnsPacket.Packet, timeoutMs: number): Promise<dnsPacket.DecodedPacket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    let pending = Buffer.alloc(0);
    const timer = setTimeout(() => finish(wireError('ETIMEOUT', `no answer from ${host}:${port} (TCP) within ${timeoutMs} ms`)), timeoutMs);
    const finish = (err: Error | null, packet?: dnsPacket.DecodedPacket) => {
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve(packet as dnsPacket.DecodedPacket);
    };
    socket.on('error', (err) => finish(err));
    socket.on('connect', () => socket.write(dnsPacket.streamEncode(query)));
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      // Two-byte length prefix (RFC 1035 §4.2.2); a message is at most 65535 bytes, so this is the cap.
      if (pending.length < 2 || pending.length < 2 + pending.readUInt16BE(0)) return;
      try {
        finish(null, dnsPacket.decode(pending.subarray(2, 2 + pending.readUInt16BE(0))));
      } catch {
        finish(wireError('EBADRESP', `unparsable TCP answer from ${host}:${port}`));
      }
    });
    socket.on('end', () => finish(wireError('EBADRESP', `${host}:${port} closed the TCP connection without a full answer`)));
  });
}

/** Asks `server` one question; throws errors with a `code` (ETIMEOUT, EBADRESP, ECONNREFUSED, …). */
export async function wireQuery(server: string, name: string, type: string, timeoutMs: number): Promise<WireAnswer> {
  const { host, port } = splitServer(server);
  const query = queryPacket(name, type);
  let packet = await overUdp(host, port, query, timeoutMs);
  if (packet.flag_tc) packet = await overTcp(host, port, query, timeoutMs);
  return {
    rcode: (packet as { rcode?: string }).rcode ?? 'NOERROR',
    authoritative: packet.flag_aa,
    answers: (packet.answers ?? []).map((a) => ({
      name: a.name.toLowerCase().replace(/\.$/, ''),
      type: a.type,
      ttl: (a as { ttl?: number }).ttl ?? 0,
      data: (a as { data?: unknown }).data,
    })),
  };
}

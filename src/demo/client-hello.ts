/**
 * Reads the server name (SNI) from the first TLS record of a connection, before any TLS library sees
 * it, so the front can hand the connection to a server whose protocol settings suit that host
 * (OpenSSL fixes the protocol range before its SNI callback runs).
 */

/** Bytes worth waiting for: one TLS record header plus the largest record (RFC 8446 §5.1). */
export const MAX_CLIENT_HELLO = 5 + 16384;

export type ClientHelloResult = { complete: false } | { complete: true; serverName?: string };

/**
 * `complete: false` while the first record is still arriving; otherwise the server name, or none when
 * the data is not a ClientHello or carries no SNI (RFC 5246 §7.4.1.2, RFC 6066 §3).
 */
export function readServerName(data: Buffer): ClientHelloResult {
  if (data.length < 5) return { complete: false };
  // Record: type 22 (handshake), version, length.
  if (data[0] !== 22) return { complete: true };
  const recordEnd = 5 + data.readUInt16BE(3);
  if (data.length < recordEnd && data.length < MAX_CLIENT_HELLO) return { complete: false };
  const hello = data.subarray(0, Math.min(recordEnd, data.length));
  try {
    let at = 5;
    if (hello[at] !== 1) return { complete: true }; // handshake type ClientHello
    at += 4; // type + 24-bit length
    at += 2 + 32; // client_version + random
    at += 1 + hello[at]; // session_id
    at += 2 + hello.readUInt16BE(at); // cipher_suites
    at += 1 + hello[at]; // compression_methods
    const extensionsEnd = at + 2 + hello.readUInt16BE(at);
    at += 2;
    while (at + 4 <= extensionsEnd && at + 4 <= hello.length) {
      const type = hello.readUInt16BE(at);
      const length = hello.readUInt16BE(at + 2);
      at += 4;
      if (type === 0) {
        // server_name: list length, then entries of (type, length, name); type 0 is host_name.
        let entry = at + 2;
        while (entry + 3 <= at + length) {
          const nameType = hello[entry];
          const nameLength = hello.readUInt16BE(entry + 1);
          if (nameType === 0) return { complete: true, serverName: hello.toString('ascii', entry + 3, entry + 3 + nameLength).toLowerCase() };
          entry += 3 + nameLength;
        }
      }
      at += length;
    }
  } catch {
    // A malformed hello reads past the buffer: treat it as carrying no name.
  }
  return { complete: true };
}

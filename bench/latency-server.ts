/**
 * The latency bench's server, run in a worker thread so it has its own event loop (and core):
 * `/fast` answers at once, `/constant` after 100 ms, `/stall` after 5 ms. On a `freeze` message
 * the whole thread blocks for the given time at the given moment, like a stop-the-world pause,
 * and reports when it really started and ended (process.hrtime, shared by every thread).
 */
import { createServer } from 'node:http';
import { parentPort } from 'node:worker_threads';

export type ServerMessage = { type: 'listening'; port: number } | { type: 'froze'; startNs: string; endNs: string };
export type ControlMessage = { type: 'freeze'; atNs: string; forMs: number };

const port = parentPort!;
const server = createServer((req, res) => {
  const reply = () => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' });
    res.end('ok');
  };
  if (req.url === '/constant') after(100, reply);
  else if (req.url === '/stall') after(5, reply);
  else reply();
});

/**
 * Runs `fn` `ms` after now, to within microseconds. A bare setTimeout can fire up to a millisecond
 * early (libuv measures timers from the loop's cached time, taken before this request was read)
 * or late (timers tick in whole milliseconds), so the last millisecond is polled.
 */
function after(ms: number, fn: () => void): void {
  const due = performance.now() + ms;
  const check = () => {
    const left = due - performance.now();
    if (left <= 0) fn();
    else if (left > 1) setTimeout(check, left - 1);
    else setImmediate(check);
  };
  check();
}
server.keepAliveTimeout = 60_000;

const sleeper = new Int32Array(new SharedArrayBuffer(4));
port.on('message', (m: ControlMessage) => {
  if (m.type !== 'freeze') return;
  const waitMs = Number(BigInt(m.atNs) - process.hrtime.bigint()) / 1e6;
  setTimeout(() => {
    const startNs = process.hrtime.bigint();
    Atomics.wait(sleeper, 0, 0, m.forMs);
    const endNs = process.hrtime.bigint();
    port.postMessage({ type: 'froze', startNs: String(startNs), endNs: String(endNs) } satisfies ServerMessage);
  }, Math.max(0, waitMs));
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') port.postMessage({ type: 'listening', port: address.port } satisfies ServerMessage);
});

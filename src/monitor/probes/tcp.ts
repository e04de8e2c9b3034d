/**
 * TCP monitor: does HOST:PORT accept a connection? The address comes from resolveTarget, so
 * --connect-to and --dns-server route it as they route every other request.
 */
import { connect } from 'node:net';
import { resolveTarget } from '../../net/connector.js';
import type { CheckNetwork } from './network.js';
import type { Observation, ProbeError } from './observation.js';

function connectOnce(address: string, port: number, timeoutMs: number): Promise<ProbeError | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port });
    const timer = setTimeout(() => finish({ code: 'connect-timeout', message: `no connection within ${timeoutMs} ms` }), timeoutMs);
    function finish(error?: ProbeError) {
      clearTimeout(timer);
      socket.destroy();
      resolve(error);
    }
    socket.once('connect', () => finish());
    socket.once('error', (err: NodeJS.ErrnoException) => finish({ code: err.code === 'ECONNREFUSED' ? 'connect-refused' : err.code === 'ECONNRESET' ? 'reset' : 'unknown', message: `${err.code ?? ''} ${err.message}`.trim() }));
  });
}

export async function probeTcp(endpoint: { host: string; port: number }, net: CheckNetwork): Promise<Observation> {
  const started = performance.now();
  let error: ProbeError | undefined;
  let address = '';
  try {
    const target = await resolveTarget(net.dns, net.settings, endpoint.host, endpoint.port);
    address = `${target.address}:${target.port}`;
    error = await connectOnce(target.address, target.port, net.settings.timeoutMs * 2);
  } catch (err) {
    error = { code: (err as { code?: string }).code ?? 'dns-error', message: (err as Error).message };
  }
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;
  const lookup = (root: string): unknown => (root === 'connected' ? !error : root === 'latency' ? latencyMs : root === 'error' ? (error?.code ?? '') : undefined);
  const where = `${endpoint.host}:${endpoint.port}${address && address !== `${endpoint.host}:${endpoint.port}` ? ` (${address})` : ''}`;
  const obs: Observation = { latencyMs, values: lookup, detail: error ? `${where}: ${error.message}` : `connected to ${where} in ${Math.round(latencyMs)} ms` };
  if (error) obs.error = error;
  return obs;
}

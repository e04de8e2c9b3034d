/** The worker thread's side of world-worker.ts: starts the world, then answers the caller's requests. */
import { parentPort, workerData } from 'node:worker_threads';
import { startControl, type Control } from './control.js';
import { startWorld, type World } from './world.js';
import { sendError, type WorldCall, type WorldMessage, type WorldRequest, type WorldWorkerData } from './world-worker-protocol.js';

const port = parentPort!;
const data = workerData as WorldWorkerData;
const post = (message: WorldMessage) => port.postMessage(message);

async function answer(world: World, control: Control | undefined, call: WorldCall): Promise<unknown> {
  switch (call.op) {
    case 'configYaml':
      return world.configYaml(call.caPath);
    case 'faults':
      return world.faults.list();
    case 'setFault':
      world.setFault(call.name, call.on);
      return world.settled();
    case 'close':
      await Promise.all([control?.close(), world.close()]);
      return undefined;
  }
}

/** The world, and its control endpoint when asked for; a failed control endpoint closes the world again. */
async function start(): Promise<{ world: World; control?: Control }> {
  const world = await startWorld(data.options);
  if (!data.control) return { world };
  try {
    return { world, control: await startControl(world) };
  } catch (err) {
    await world.close();
    throw err;
  }
}

async function main(): Promise<void> {
  let started;
  try {
    started = await start();
  } catch (err) {
    post({ type: 'failed', error: sendError(err) });
    return;
  }
  const { world, control } = started;
  port.on('message', (request: WorldRequest) => {
    answer(world, control, request).then(
      (value) => post({ type: 'reply', id: request.id, value }),
      (err: unknown) => post({ type: 'reply', id: request.id, error: sendError(err) }),
    );
  });
  post({
    type: 'ready',
    info: {
      domain: world.domain,
      dns: world.dns,
      httpPort: world.httpPort,
      httpsPort: world.httpsPort,
      caPem: world.caPem,
      network: world.network,
      repoDir: world.repoDir,
      supportFiles: world.supportFiles(),
      stagingCredentials: world.stagingCredentials,
      startupMs: world.startupMs,
      control: control?.url,
    },
  });
}

await main();

/**
 * The demo world on a worker thread. `launch-ready demo` audits the world from its own process, and
 * on one event loop the audit's CPU work (TLS handshakes, crawling, secret scanning, the eval) would
 * delay the world's answers and the latency checks would blame the world. On its own thread the
 * world's timers and sockets keep their own loop. startWorld (world.ts) stays the in-process API.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FaultStatus } from './faults.js';
import type { WorldOptions } from './world.js';
import { receiveError, type WorldCall, type WorldInfo, type WorldMessage, type WorldWorkerData } from './world-worker-protocol.js';

export type { WorldInfo } from './world-worker-protocol.js';

export interface WorkerWorldOptions extends WorldOptions {
  /** Also run the fault control endpoint (control.ts) on the world's thread: `info.control` is its URL. */
  control?: boolean;
}

export interface WorkerWorld extends WorldInfo {
  /** launch-ready.yaml for this world; `caPath` is written as given. */
  configYaml(caPath: string): Promise<string>;
  faults(): Promise<FaultStatus[]>;
  /** Resolves once the switch has taken effect; rejects with a UsageError for an unknown fault. */
  setFault(name: string, on: boolean): Promise<void>;
  /** Resolves when the thread ends after close(); rejects if it ends before (the world crashed). */
  ended: Promise<void>;
  /** Closes the world (which removes its temporary repository) and ends the thread. */
  close(): Promise<void>;
}

/** The entry sits next to this module with the same extension: `.ts` from source under tsx, `.js` compiled. */
function spawnWorld(data: WorldWorkerData): Worker {
  const ext = extname(fileURLToPath(import.meta.url));
  const entry = new URL(`./world-worker-entry${ext}`, import.meta.url);
  if (ext !== '.ts') return new Worker(entry, { workerData: data });
  // On Node 20, tsx registers its loader on the main thread only and module hooks do not reach
  // workers: register it inside the worker before importing the entry.
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: data });
}

export function startWorkerWorld(options: WorkerWorldOptions = {}): Promise<WorkerWorld> {
  const { control = false, ...worldOptions } = options;
  const worker = spawnWorld({ options: worldOptions, control });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();
  let nextId = 0;
  let exited: Error | undefined;
  let closing = false;

  const call = (request: WorldCall): Promise<unknown> =>
    new Promise((resolve, reject) => {
      if (exited) return reject(exited);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });

  let endOk!: () => void;
  let endFailed!: (err: Error) => void;
  const ended = new Promise<void>((resolve, reject) => {
    endOk = resolve;
    endFailed = reject;
  });
  // Only a caller that waits on the world (demo --serve) needs to hear of a crash.
  ended.catch(() => undefined);

  return new Promise((resolveStart, rejectStart) => {
    let crash: Error | undefined;
    worker.on('error', (err) => {
      crash = err;
    });
    worker.on('exit', (code) => {
      exited = crash ?? new Error(`the demo world's thread ended (exit code ${code})`);
      for (const { reject } of pending.values()) reject(exited);
      pending.clear();
      rejectStart(exited);
      if (closing) endOk();
      else endFailed(exited);
    });
    worker.on('message', (message: WorldMessage) => {
      if (message.type === 'failed') {
        rejectStart(receiveError(message.error));
        void worker.terminate();
      } else if (message.type === 'ready') {
        resolveStart({
          ...message.info,
          configYaml: (caPath) => call({ op: 'configYaml', caPath }) as Promise<string>,
          faults: () => call({ op: 'faults' }) as Promise<FaultStatus[]>,
          setFault: async (name, on) => {
            await call({ op: 'setFault', name, on });
          },
          ended,
          close: async () => {
            try {
              await call({ op: 'close' });
            } finally {
              closing = true;
              await worker.terminate();
            }
          },
        });
      } else {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) waiting?.reject(receiveError(message.error));
        else waiting?.resolve(message.value);
      }
    });
  });
}

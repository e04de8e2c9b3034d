/**
 * A demo world running in a child process (`demo --serve --dir TMP`), for end-to-end tests that
 * target it through the config it writes, as a user would. `close()` stops it (if it still runs)
 * and removes its directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

export interface ServedWorld {
  dir: string;
  /** The launch-ready.yaml the world wrote. */
  config: string;
  /** What `demo --serve` printed up to its fault line: config path, flags, curl example. */
  banner: string;
  child: ChildProcess;
  /** Switches a fault through the world's control endpoint. */
  switchFault(name: string, on: boolean): Promise<void>;
  close(): Promise<void>;
}

/**
 * SIGTERM, as Ctrl-C would, so the world closes itself and removes its temporary git repository
 * (SIGKILL would leave it behind); SIGKILL only if it has not exited within STOP_TIMEOUT_MS.
 */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), STOP_TIMEOUT_MS)));
  const outcome = await Promise.race([exited, late]);
  clearTimeout(timer);
  if (outcome === 'late') {
    child.kill('SIGKILL');
    await exited;
  }
}

/** `extra`: more `demo` flags, e.g. `--fixed`. */
export async function serveDemoWorld(prefix: string, extra: string[] = []): Promise<ServedWorld> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const child = spawn(process.execPath, ['--import', 'tsx', `${root}src/bin.ts`, 'demo', '--serve', '--dir', dir, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let banner = '';
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`demo --serve did not start: ${banner}`)), START_TIMEOUT_MS);
      child.stdout!.on('data', (d: Buffer) => {
        banner += d.toString();
        if (banner.includes('faults:')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`demo --serve exited with ${code}`));
      });
    });
  } catch (err) {
    await stop(child);
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    dir,
    config: join(dir, 'launch-ready.yaml'),
    banner,
    child,
    async switchFault(name, on) {
      const { control } = JSON.parse(await readFile(join(dir, 'demo-state.json'), 'utf8')) as { control: string };
      const res = await fetch(`${control}/faults/${name}/${on ? 'on' : 'off'}`, { method: 'POST' });
      if (res.status !== 200) throw new Error(`fault ${name} ${on ? 'on' : 'off'}: HTTP ${res.status} ${await res.text()}`);
    },
    async close() {
      await stop(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Hot reload of launch-ready.yaml (issue 7 §1): the file's folder is watched (editors replace
 * files rather than write them in place), changes are debounced, and the new file is validated
 * before anything changes. A bad edit keeps the last good config running and is shown on the
 * dashboard and in the log until a good edit replaces it.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { loadConfig } from '../config/load.js';
import type { MonitorService } from './service.js';

const DEBOUNCE_MS = 300;

export interface ReloadOutcome {
  ok: boolean;
  message: string;
}

/** Loads the file again and applies it, or records why it was refused. */
export async function reloadConfig(service: MonitorService): Promise<ReloadOutcome> {
  try {
    const loaded = await loadConfig(service.loaded.file);
    const { added, removed, changed } = await service.applyConfig(loaded);
    return { ok: true, message: `config reloaded: ${added} monitor${added === 1 ? '' : 's'} added, ${removed} removed, ${changed} changed` };
  } catch (err) {
    service.configError = (err as Error).message;
    return { ok: false, message: `config not reloaded, the last good one keeps running: ${(err as Error).message}` };
  }
}

export function watchConfig(service: MonitorService, log: (outcome: ReloadOutcome) => void): { close(): void } {
  const file = service.loaded.file;
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const watcher: FSWatcher = watch(dirname(file), (_event, name) => {
    if (name !== null && name !== basename(file)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => log(await reloadConfig(service)));
    }, DEBOUNCE_MS);
  });
  watcher.on('error', () => undefined);
  return {
    close: () => {
      clearTimeout(timer);
      watcher.close();
    },
  };
}

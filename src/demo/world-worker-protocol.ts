/** The messages between a demo world running in a worker thread (world-worker-entry.ts) and its caller (world-worker.ts). */
import { UsageError } from '../core/errors.js';
import type { World, WorldOptions } from './world.js';

export interface WorldWorkerData {
  options: WorldOptions;
  /** Also start the fault control endpoint (control.ts) on the world's thread. */
  control: boolean;
}

/** What the caller gets of the world once it is up: the world's plain data, copied across threads. */
export type WorldInfo = Pick<World, 'domain' | 'dns' | 'httpPort' | 'httpsPort' | 'caPem' | 'network' | 'repoDir' | 'stagingCredentials' | 'startupMs'> & {
  supportFiles: ReturnType<World['supportFiles']>;
  /** The control endpoint's URL, when asked for. */
  control?: string;
};

export type WorldCall = { op: 'configYaml'; caPath: string } | { op: 'faults' } | { op: 'setFault'; name: string; on: boolean } | { op: 'close' };

export type WorldRequest = WorldCall & { id: number };

/** An error as it crosses the thread boundary: structured cloning drops its class, and the CLI needs UsageError's code. */
export interface SentError {
  message: string;
  code?: string;
}

export type WorldMessage =
  | { type: 'ready'; info: WorldInfo }
  | { type: 'failed'; error: SentError }
  | { type: 'reply'; id: number; value?: unknown; error?: SentError };

export function sendError(err: unknown): SentError {
  if (err instanceof UsageError) return { message: err.message, code: err.code };
  return { message: err instanceof Error ? err.message : String(err) };
}

export function receiveError(sent: SentError): Error {
  return sent.code ? new UsageError(sent.code, sent.message) : new Error(sent.message);
}

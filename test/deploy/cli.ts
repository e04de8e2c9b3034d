/** Runs test/deploy/entry.ts (the commands this part adds) in a child process, like test/helpers/cli.ts runs the real CLI. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CliResult } from '../helpers/cli.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const entry = fileURLToPath(new URL('./entry.ts', import.meta.url));
const tsx = new URL('node_modules/tsx/dist/loader.mjs', `file://${root}`).href;

export function runEntry(args: string[], opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    // tsx is resolved from the repository, wherever the command runs.
    const child = spawn(process.execPath, ['--import', tsx, entry, ...args], {
      cwd: opts.cwd ?? root,
      env: { ...process.env, NO_COLOR: '1', GITHUB_ACTOR: '', GITHUB_STEP_SUMMARY: '', GITHUB_BASE_REF: '', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`launch-ready ${args.join(' ')} did not finish within ${opts.timeoutMs ?? 60000} ms\n${stderr}`));
    }, opts.timeoutMs ?? 60000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

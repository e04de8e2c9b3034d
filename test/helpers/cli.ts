import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
// tsx by path, so the CLI also runs from a folder outside the repository (a temp repo, a demo dir).
const tsx = new URL('node_modules/tsx/dist/loader.mjs', `file://${root}`).href;

/**
 * CI variables that change what the CLI does (who deployed, the change's base, where the job
 * summary goes): blank, so the tests behave the same inside a CI job and never write its summary.
 */
const CI_NEUTRAL: NodeJS.ProcessEnv = {
  GITHUB_ACTOR: '',
  GITHUB_BASE_REF: '',
  GITHUB_STEP_SUMMARY: '',
  GITLAB_USER_LOGIN: '',
  CI_MERGE_REQUEST_DIFF_BASE_SHA: '',
  CIRCLE_USERNAME: '',
  BUILDKITE_BUILD_CREATOR: '',
  BITBUCKET_STEP_TRIGGERER_UUID: '',
  VERCEL_GIT_COMMIT_AUTHOR_LOGIN: '',
};

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from source in a child process, with a hard deadline so a hang fails the test instead of CI. */
export function runCli(args: string[], opts: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsx, `${root}src/bin.ts`, ...args], {
      cwd: opts.cwd ?? root,
      env: { ...process.env, NO_COLOR: '1', ...CI_NEUTRAL, ...opts.env },
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

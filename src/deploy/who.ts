/**
 * Who deployed, and which commit the repo is at: the CI's actor variables when running in CI (the
 * person who pushed or started the pipeline), else the author of the checked-out commit.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Actor } from './record.js';

const run = promisify(execFile);

/** Actor variables of the CIs people deploy from, first match wins. */
const CI_ACTORS: ReadonlyArray<[variable: string, via: string]> = [
  ['GITHUB_ACTOR', 'github'],
  ['GITLAB_USER_LOGIN', 'gitlab'],
  ['CIRCLE_USERNAME', 'circleci'],
  ['BUILDKITE_BUILD_CREATOR', 'buildkite'],
  ['BITBUCKET_STEP_TRIGGERER_UUID', 'bitbucket'],
  ['VERCEL_GIT_COMMIT_AUTHOR_LOGIN', 'vercel'],
];

async function git(cwd: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', args, { cwd, timeout: 5000 });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The commit checked out in `cwd`, or undefined outside a git work tree. */
export function gitHead(cwd: string): Promise<string | undefined> {
  return git(cwd, ['rev-parse', 'HEAD']);
}

export async function deployActor(cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Actor> {
  for (const [variable, via] of CI_ACTORS) {
    const name = env[variable]?.trim();
    if (name) return { name, via };
  }
  const author = await git(cwd, ['log', '-1', '--format=%an']);
  return author ? { name: author, via: 'git' } : { name: 'unknown', via: 'none' };
}

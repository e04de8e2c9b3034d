/** Runs git plumbing for the scanners: one process per question, output streamed or collected, never a shell. */
import { spawn } from 'node:child_process';

export class GitError extends Error {}

/** Runs `git args…` in `cwd` and returns its stdout; rejects with git's stderr on a non-zero exit. */
export function git(cwd: string, args: string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-c', 'core.quotePath=false', ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e) => reject(new GitError(`git ${args[0]}: ${e.message}`)));
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new GitError(`git ${args[0]}: ${Buffer.concat(err).toString().trim() || `exit ${code}`}`))));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

/** The top of the work tree holding `dir`, or undefined when it is not inside one (or git is missing). */
export async function workTreeTop(dir: string): Promise<string | undefined> {
  try {
    return (await git(dir, ['rev-parse', '--show-toplevel'])).toString().trim() || undefined;
  } catch {
    return undefined;
  }
}

/** NUL-separated output split into its entries. */
export function nulList(out: Buffer): string[] {
  return out.toString('utf8').split('\0').filter(Boolean);
}

/** The commit `ref` names (a branch, tag, sha or `HEAD~3`), or undefined when it names none here. */
export async function commitOf(dir: string, ref: string): Promise<string | undefined> {
  try {
    return (await git(dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).toString().trim() || undefined;
  } catch {
    return undefined;
  }
}

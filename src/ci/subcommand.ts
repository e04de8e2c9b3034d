/**
 * Runs another launch-ready command (secrets, bench, eval) as a child process of the same CLI, the
 * way a user would, so its output, exit code and crashes stay its own. Whether the command exists
 * and which options it takes are read from the program itself, so `ci` drives exactly the commands
 * this build has.
 */
import { spawn } from 'node:child_process';
import type { Command } from 'commander';

export interface SubcommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function findCommand(root: Command, name: string): Command | undefined {
  return root.commands.find((c) => c.name() === name);
}

/** Whether the command takes `--flag`, and with which choices when it has some. */
export function optionOf(cmd: Command, long: string): { choices?: readonly string[] } | undefined {
  const option = cmd.options.find((o) => o.long === long);
  return option ? (option.argChoices ? { choices: option.argChoices } : {}) : undefined;
}

/** `--format md` when the command can print Markdown. */
export function markdownFormat(cmd: Command): string[] {
  return optionOf(cmd, '--format')?.choices?.includes('md') ? ['--format', 'md'] : [];
}

const OUTPUT_CAP = 1_000_000;

export function runSubcommand(args: readonly string[], opts: { timeoutMs: number; env?: NodeJS.ProcessEnv }): Promise<SubcommandRun> {
  return new Promise((resolve) => {
    // The running CLI, with the same loader flags (tsx in development, none once built).
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1], ...args], {
      env: { ...process.env, ...opts.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout = (stdout + d.toString()).slice(0, OUTPUT_CAP)));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-OUTPUT_CAP)));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: 2, stdout, stderr: `${stderr}${err.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? 2, stdout, stderr: signal ? `${stderr}\nstopped after ${opts.timeoutMs} ms (${signal})` : stderr });
    });
  });
}

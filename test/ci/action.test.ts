/** action.yml and .pre-commit-hooks.yaml: their `launch-ready` calls use only commands and options that exist. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { parse } from 'yaml';
import { registerCiCommand } from '../../src/cli/ci-command.js';
import { registerSecretsCommand } from '../../src/cli/secrets-command.js';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(await readFile(new URL('../../action.yml', import.meta.url), 'utf8')) as Action;

function ciOptions(): Set<string> {
  return optionsOf(registerCiCommand, 'ci');
}

function optionsOf(register: typeof registerCiCommand, name: string): Set<string> {
  const root = new Command('launch-ready');
  register(root, (fn) => async (...args) => void (await fn(...args)));
  const cmd = root.commands.find((c) => c.name() === name) as Command;
  return new Set(cmd.options.flatMap((o) => [o.long as string, ...(o.short ? [o.short] : [])]));
}

describe('action.yml', () => {
  it('is a composite action whose run steps all name a shell', () => {
    assert.equal(action.runs.using, 'composite');
    assert.ok(action.name && action.description);
    for (const step of action.runs.steps) if (step.run) assert.equal(step.shell, 'bash', `${step.name} has a shell`);
  });

  it('declares every input and step output it refers to', () => {
    const text = JSON.stringify(action);
    for (const [, name] of text.matchAll(/inputs\.([\w-]+)/g)) assert.ok(name in action.inputs, `input ${name} is declared`);
    const ids = new Set(action.runs.steps.map((s) => s.id).filter(Boolean));
    for (const [, id] of text.matchAll(/steps\.([\w-]+)\.outputs/g)) assert.ok(ids.has(id), `step ${id} exists`);
  });

  it('calls `launch-ready ci` with options the command accepts, and uploads its SARIF', () => {
    const ci = action.runs.steps.find((s) => s.id === 'ci');
    assert.ok(ci?.run);
    assert.match(ci.run, /bin\/launch-ready\.js" ci /);
    const known = ciOptions();
    const used = [...ci.run.matchAll(/(?<![\w-])(--[a-z][\w-]+)/g)].map((m) => m[1]);
    assert.ok(used.length >= 5);
    for (const flag of used) assert.ok(known.has(flag), `launch-ready ci has ${flag}`);
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.equal(upload?.with?.sarif_file, '${{ steps.ci.outputs.sarif }}');
    // The job fails with ci's own exit code, after the SARIF is uploaded.
    const last = action.runs.steps.at(-1);
    assert.match(last?.run ?? '', /exit \$\{\{ steps\.ci\.outputs\.exit-code \}\}/);
  });
});

const hooks = parse(await readFile(new URL('../../.pre-commit-hooks.yaml', import.meta.url), 'utf8')) as Array<{ id: string; entry: string; language: string; pass_filenames: boolean }>;

describe('.pre-commit-hooks.yaml', () => {
  it('runs the secret scan once on the working tree, with options the command accepts', () => {
    const hook = hooks.find((h) => h.id === 'launch-ready-secrets');
    assert.ok(hook);
    const [bin, command, ...flags] = hook.entry.split(/\s+/);
    assert.deepEqual([bin, command, hook.language], ['launch-ready', 'secrets', 'node']);
    // The command takes one folder: file names appended by pre-commit would be refused.
    assert.equal(hook.pass_filenames, false);
    const known = optionsOf(registerSecretsCommand, 'secrets');
    for (const flag of flags) assert.ok(known.has(flag), `launch-ready secrets has ${flag}`);
  });
});

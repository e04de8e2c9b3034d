/**
 * Where variables are defined, and for which environment: `.env*` files, `.env.example` (which
 * declares), and platform files — vercel.json, netlify.toml, fly.toml, render.yaml,
 * docker-compose*.yml and GitHub workflow `env:` blocks. Values are returned to the inventory,
 * which keeps only their hash and, for secret-looking ones, a redacted form.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { isComposeFile } from './reads.js';
import { parseToml } from './toml.js';
import type { DefinitionKind, EnvironmentName } from './types.js';

export interface ParsedDefinition {
  name: string;
  line: number;
  /** The literal value (undefined for a pass-through such as compose's bare `- NAME`). */
  value?: string;
  environments: EnvironmentName[];
}

export interface DefinitionFile {
  kind: DefinitionKind;
  /** Environments the file feeds; an example file feeds none. */
  environments: EnvironmentName[];
  definitions: ParsedDefinition[];
}

const base = (path: string) => path.slice(path.lastIndexOf('/') + 1);

const EXAMPLE = /^(?:\.env(?:\.[\w-]+)*\.(?:example|sample|template|dist|defaults)|example\.env)$/i;
const DOTENV = /^\.env(?:\..+)?$|\.env$/i;

/** What a file name says about the environment it sets (`.env.production`, `docker-compose.staging.yml`). */
export function environmentFromName(name: string, fallback: EnvironmentName): EnvironmentName {
  const n = name.toLowerCase();
  if (/(?:^|[._-])prod(?:uction)?(?:[._-]|$)/.test(n)) return 'production';
  if (/(?:^|[._-])(?:stag(?:e|ing)|preview)(?:[._-]|$)/.test(n)) return 'staging';
  return fallback;
}

export function definitionKindOf(path: string): DefinitionKind | undefined {
  const name = base(path);
  if (EXAMPLE.test(name)) return 'example';
  if (DOTENV.test(name)) return 'dotenv';
  if (name === 'vercel.json') return 'vercel';
  if (name === 'netlify.toml') return 'netlify';
  if (name === 'fly.toml') return 'fly';
  if (name === 'render.yaml' || name === 'render.yml') return 'render';
  if (isComposeFile(path)) return 'docker-compose';
  if (/(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) return 'github-workflow';
  return undefined;
}

/** `KEY=value`, `export KEY="value"`, `KEY='value' # comment` (the dotenv format). */
function parseDotenv(text: string, environments: EnvironmentName[]): ParsedDefinition[] {
  const out: ParsedDefinition[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(raw);
    if (!m) return;
    const rest = m[2];
    const quoted = /^(["'`])(.*?)\1/.exec(rest);
    const value = quoted ? quoted[2] : rest.replace(/\s+#.*$/, '').trim();
    out.push({ name: m[1], line: i + 1, value, environments });
  });
  return out;
}

function lineOf(lines: LineCounter, node: unknown): number {
  const offset = (node as Node | null)?.range?.[0];
  return offset === undefined ? 1 : lines.linePos(offset).line;
}

function scalarText(node: unknown): string | undefined {
  return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : undefined;
}

/** `KEY: value` pairs of a mapping, or `- KEY=value` / `- KEY` entries of a list (compose's two forms). */
function envBlock(node: unknown, lines: LineCounter, environments: EnvironmentName[]): ParsedDefinition[] {
  if (isMap(node)) {
    return node.items.flatMap((pair: Pair) => {
      const name = scalarText(pair.key);
      if (!name) return [];
      const value = scalarText(pair.value);
      return [{ name, line: lineOf(lines, pair.key), ...(value !== undefined ? { value } : {}), environments }];
    });
  }
  if (isSeq(node)) {
    return node.items.flatMap((item) => {
      const text = scalarText(item);
      const m = text ? /^([A-Za-z_][A-Za-z0-9_.-]*)(?:=(.*))?$/.exec(text) : null;
      return m ? [{ name: m[1], line: lineOf(lines, item), ...(m[2] !== undefined ? { value: m[2] } : {}), environments }] : [];
    });
  }
  return [];
}

function get(node: unknown, key: string): unknown {
  return isMap(node) ? node.get(key, true) : undefined;
}

function yamlDoc(text: string): { root: unknown; lines: LineCounter } {
  const lines = new LineCounter();
  return { root: parseDocument(text, { lineCounter: lines }).contents, lines };
}

function parseCompose(text: string, path: string): ParsedDefinition[] {
  const { root, lines } = yamlDoc(text);
  const env = environmentFromName(base(path), 'local');
  const services = get(root, 'services');
  return isMap(services) ? services.items.flatMap((s) => envBlock(get(s.value, 'environment'), lines, [env])) : [];
}

/** A job's `environment:` (a name or `{ name }`) decides where its variables go. */
function workflowEnvironment(job: unknown): EnvironmentName {
  const env = get(job, 'environment');
  const name = scalarText(env) ?? scalarText(get(env, 'name')) ?? '';
  return name ? environmentFromName(name, 'ci') : 'ci';
}

function parseWorkflow(text: string): ParsedDefinition[] {
  const { root, lines } = yamlDoc(text);
  const out = envBlock(get(root, 'env'), lines, ['ci']);
  const jobs = get(root, 'jobs');
  if (!isMap(jobs)) return out;
  for (const { value: job } of jobs.items) {
    const env = workflowEnvironment(job);
    out.push(...envBlock(get(job, 'env'), lines, [env]));
    const steps = get(job, 'steps');
    if (isSeq(steps)) for (const step of steps.items) out.push(...envBlock(get(step, 'env'), lines, [env]));
  }
  return out;
}

/** render.yaml: `services[].envVars[]` and `envVarGroups[].envVars[]` with `key` and `value` (or `fromDatabase`, `sync: false`…). */
function parseRender(text: string): ParsedDefinition[] {
  const { root, lines } = yamlDoc(text);
  const out: ParsedDefinition[] = [];
  for (const listName of ['services', 'envVarGroups']) {
    const list = get(root, listName);
    if (!isSeq(list)) continue;
    for (const item of list.items) {
      const env = environmentFromName(scalarText(get(item, 'name')) ?? '', 'production');
      const vars = get(item, 'envVars');
      if (!isSeq(vars)) continue;
      for (const v of vars.items) {
        const name = scalarText(get(v, 'key'));
        if (!name) continue;
        const value = scalarText(get(v, 'value'));
        out.push({ name, line: lineOf(lines, v), ...(value !== undefined ? { value } : {}), environments: [env] });
      }
    }
  }
  return out;
}

/** vercel.json's `env` and `build.env` apply to every deployment (preview and production). */
function parseVercel(text: string): ParsedDefinition[] {
  let json: { env?: Record<string, unknown>; build?: { env?: Record<string, unknown> } };
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    return [];
  }
  const lineOfKey = (name: string) => {
    const at = text.indexOf(`"${name}"`);
    return at === -1 ? 1 : text.slice(0, at).split('\n').length;
  };
  return [json.env, json.build?.env].flatMap((block) =>
    block && typeof block === 'object' ? Object.entries(block).map(([name, value]) => ({ name, line: lineOfKey(name), value: String(value), environments: ['staging', 'production'] as EnvironmentName[] })) : [],
  );
}

/** netlify.toml contexts: build (all), production, deploy-preview / branch-deploy / named branches (staging), dev (local). */
function netlifyEnvironments(path: string[]): EnvironmentName[] | undefined {
  if (path[0] === 'build' && path[1] === 'environment') return ['staging', 'production'];
  if (path[0] !== 'context' || path[2] !== 'environment') return undefined;
  if (path[1] === 'production') return ['production'];
  if (path[1] === 'dev') return ['local'];
  return ['staging'];
}

function parseNetlify(text: string): ParsedDefinition[] {
  return parseToml(text).flatMap((e) => {
    const environments = netlifyEnvironments(e.path.slice(0, -1));
    return environments ? [{ name: e.path.at(-1)!, line: e.line, value: e.value, environments }] : [];
  });
}

function parseFly(text: string): ParsedDefinition[] {
  return parseToml(text)
    .filter((e) => e.path.length === 2 && e.path[0] === 'env')
    .map((e) => ({ name: e.path[1], line: e.line, value: e.value, environments: ['production'] as EnvironmentName[] }));
}

export function parseDefinitions(path: string, text: string): DefinitionFile | undefined {
  const kind = definitionKindOf(path);
  if (!kind) return undefined;
  let definitions: ParsedDefinition[];
  try {
    switch (kind) {
      case 'example':
        definitions = parseDotenv(text, []);
        break;
      case 'dotenv':
        definitions = parseDotenv(text, [environmentFromName(base(path), 'local')]);
        break;
      case 'vercel':
        definitions = parseVercel(text);
        break;
      case 'netlify':
        definitions = parseNetlify(text);
        break;
      case 'fly':
        definitions = parseFly(text);
        break;
      case 'render':
        definitions = parseRender(text);
        break;
      case 'docker-compose':
        definitions = parseCompose(text, path);
        break;
      case 'github-workflow':
        definitions = parseWorkflow(text);
        break;
    }
  } catch {
    // A file that does not parse defines nothing we can rely on.
    definitions = [];
  }
  const environments = [...new Set(definitions.flatMap((d) => d.environments))];
  return { kind, environments, definitions };
}

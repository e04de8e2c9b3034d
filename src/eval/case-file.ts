/**
 * Eval case files (`evals/*.yaml` and the built-in packs): validated with file:line:column errors,
 * then flattened into cases — one per encoded variant — with their assertions normalised
 * (`type: not-contains` becomes `{ type: contains, not: true }`). docs/eval.md documents the format.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { Script } from 'node:vm';
import { z } from 'zod';
import { UsageError } from '../core/errors.js';
import { parseYamlFile } from '../config/yaml-file.js';
import type { ConfigPath } from '../config/zod-issues.js';
import { ENCODINGS, type Encoding } from './encoders.js';
import { parseJsonPath } from './json-path.js';
import { ASSERTION_TYPES, FAILURE_MODES, LEAK_KINDS, OUTAGES, type AssertionSpec, type EvalCase } from './types.js';

const text = z.string().trim().min(1);
const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);

/** `not-contains` → `contains` with `not: true`, before the type is checked. */
const assertion = z.preprocess(
  (raw) => {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
    const a = raw as Record<string, unknown>;
    if (typeof a.type === 'string' && a.type.startsWith('not-') && (ASSERTION_TYPES as readonly string[]).includes(a.type.slice(4))) {
      return { ...a, type: a.type.slice(4), not: !(a.not === true) };
    }
    return a;
  },
  z.strictObject({
    type: z.enum(ASSERTION_TYPES),
    not: z.boolean().default(false),
    value: z.unknown().optional(),
    ignoreCase: z.boolean().optional(),
    flags: z.string().regex(/^[imsu]*$/, { error: 'expected regular-expression flags among i, m, s, u' }).optional(),
    path: z.string().regex(/^\$/, { error: 'expected a JSONPath starting with $' }).optional(),
    tool: text.optional(),
    checks: z.array(z.enum(LEAK_KINDS)).min(1).optional(),
  }),
);

const turn = z.strictObject({
  prompt: text,
  newSession: z.boolean().default(false),
  assert: z.array(assertion).default([]),
});

const caseSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, { error: 'expected an id of lower-case letters, digits, ".", "_" and "-"' }),
    description: text.optional(),
    mode: z.enum(FAILURE_MODES).optional(),
    prompt: text.optional(),
    turns: z.array(turn).min(1).optional(),
    vars: z.record(z.string().regex(/^[A-Za-z_]\w*$/), scalar).default({}),
    variants: z.array(z.enum(['plain', ...ENCODINGS])).min(1).default(['plain']),
    fault: z.enum(OUTAGES).optional(),
    toolOutputs: z.record(text, z.string()).optional(),
    assert: z.array(assertion).default([]),
  })
  .refine((c) => (c.prompt === undefined) !== (c.turns === undefined), { error: 'expected `prompt` or `turns` (one of the two)' });

const fileSchema = z.union([
  z.array(caseSchema),
  z.strictObject({ description: text.optional(), mode: z.enum(FAILURE_MODES).optional(), cases: z.array(caseSchema) }),
]);

type ParsedAssertion = z.output<typeof assertion>;
type ParsedCase = z.output<typeof caseSchema>;

/** What each assertion type needs in `value` (checked after the shape). */
function assertionProblem(a: ParsedAssertion): { key: string; message: string } | undefined {
  const v = a.value;
  const isText = typeof v === 'string' && v.trim() !== '';
  const isTextList = Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string');
  switch (a.type) {
    case 'contains':
    case 'icontains':
      return isText ? undefined : { key: 'value', message: 'expected the text to look for' };
    case 'contains-any':
    case 'contains-all':
      return isTextList ? undefined : { key: 'value', message: 'expected a list of texts' };
    case 'equals':
      return v === undefined ? { key: 'value', message: 'expected the exact reply' } : undefined;
    case 'regex':
      if (!isText) return { key: 'value', message: 'expected a regular expression' };
      try {
        new RegExp(v as string, a.flags);
      } catch (err) {
        return { key: 'value', message: `not a valid regular expression: ${(err as Error).message}` };
      }
      return undefined;
    case 'json-path':
      if (!a.path) return { key: 'path', message: 'required; expected a JSONPath such as $.order.status' };
      try {
        parseJsonPath(a.path);
      } catch (err) {
        return { key: 'path', message: (err as Error).message };
      }
      return undefined;
    case 'max-latency':
      return v === undefined || (typeof v === 'number' && v > 0) || (typeof v === 'string' && /^\d+(?:\.\d+)?\s*(?:ms|s)?$/.test(v.trim()))
        ? undefined
        : { key: 'value', message: 'expected milliseconds or a duration such as "1500ms" or "2s" (absent: chatbot.latencyBudget)' };
    case 'tool-called':
      return isText || isTextList ? undefined : { key: 'value', message: 'expected a tool name or a list of names' };
    case 'tool-not-called':
      return v === undefined || isText || isTextList ? undefined : { key: 'value', message: 'expected a tool name or a list (absent: chatbot.forbiddenTools)' };
    case 'tool-args':
      if (!a.tool) return { key: 'tool', message: 'required; expected the tool whose arguments to match' };
      return v !== null && typeof v === 'object' && !Array.isArray(v) ? undefined : { key: 'value', message: 'expected a mapping of argument name to value (or /regex/)' };
    case 'no-leak':
      return v === undefined || isTextList ? undefined : { key: 'value', message: 'expected a list of strings that must not appear' };
    case 'javascript':
      if (!isText) return { key: 'value', message: 'expected an expression over reply, turns, toolCalls, status and json' };
      try {
        new Script(`(${v as string})`);
      } catch (err) {
        return { key: 'value', message: `not a valid expression: ${(err as Error).message}` };
      }
      return undefined;
    case 'llm-rubric':
      return isText ? undefined : { key: 'value', message: 'expected the rubric the judge grades the reply against' };
    default:
      return undefined;
  }
}

function problems(cases: ParsedCase[], at: ConfigPath): Array<{ path: ConfigPath; message: string }> {
  const out: Array<{ path: ConfigPath; message: string }> = [];
  const ids = new Set<string>();
  cases.forEach((c, i) => {
    const here = [...at, i];
    if (ids.has(c.id)) out.push({ path: [...here, 'id'], message: `cases[${i}].id: "${c.id}" is used twice; ids must be unique in a file` });
    ids.add(c.id);
    const check = (a: ParsedAssertion, path: ConfigPath) => {
      const p = assertionProblem(a);
      if (p) out.push({ path: [...path, p.key], message: `${a.type}: ${p.key}: ${p.message}` });
    };
    c.assert.forEach((a, j) => check(a, [...here, 'assert', j]));
    c.turns?.forEach((t, k) => t.assert.forEach((a, j) => check(a, [...here, 'turns', k, 'assert', j])));
  });
  return out;
}

function toSpec(a: ParsedAssertion, line: number): AssertionSpec {
  const spec: AssertionSpec = { type: a.type, not: a.not, line };
  if (a.value !== undefined) spec.value = a.value;
  if (a.ignoreCase !== undefined) spec.ignoreCase = a.ignoreCase;
  if (a.flags !== undefined) spec.flags = a.flags;
  if (a.path !== undefined) spec.path = a.path;
  if (a.tool !== undefined) spec.tool = a.tool;
  if (a.checks !== undefined) spec.checks = a.checks;
  return spec;
}

/** Parses one case file; `pack` names its cases' pack (the file name without extension by default). */
export function parseCaseFile(source: string, file: string, pack = basename(file, extname(file))): EvalCase[] {
  const parsed = parseYamlFile(source, file, fileSchema, { check: (data) => (Array.isArray(data) ? problems(data, []) : problems(data.cases, ['cases'])) });
  const data = parsed.data;
  const list = Array.isArray(data) ? data : data.cases;
  const base: ConfigPath = Array.isArray(data) ? [] : ['cases'];
  const fileMode = Array.isArray(data) ? undefined : data.mode;
  return list.flatMap((c, i): EvalCase[] => {
    const here = [...base, i];
    const line = parsed.lineOf(here);
    const turns = c.turns
      ? c.turns.map((t, k) => ({ prompt: t.prompt, newSession: t.newSession, assert: t.assert.map((a, j) => toSpec(a, parsed.lineOf([...here, 'turns', k, 'assert', j]))) }))
      : [{ prompt: c.prompt as string, newSession: false, assert: [] }];
    const shared: Omit<EvalCase, 'id'> = {
      pack,
      mode: c.mode ?? fileMode ?? 'wrong-answer',
      turns,
      assert: c.assert.map((a, j) => toSpec(a, parsed.lineOf([...here, 'assert', j]))),
      vars: c.vars,
      file,
      line,
    };
    if (c.description) shared.description = c.description;
    if (c.fault) shared.fault = c.fault;
    if (c.toolOutputs) shared.toolOutputs = c.toolOutputs;
    return [...new Set(c.variants)].map((variant) =>
      variant === 'plain' ? { id: c.id, ...shared } : { id: `${c.id}[${variant}]`, ...shared, encoding: variant as Encoding },
    );
  });
}

export async function loadCaseFile(file: string, pack?: string): Promise<EvalCase[]> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError('LR_CASES_UNREADABLE', `${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
  return parseCaseFile(source, file, pack);
}

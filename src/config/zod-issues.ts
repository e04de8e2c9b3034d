/**
 * Turns zod issues into config problems a founder can act on:
 * `routes[2].kind: expected one of checkout, login, …; got "home"`, unknown keys with a
 * "did you mean" among the keys that object accepts, union failures narrowed to the branch the
 * user was evidently writing.
 */
import { z } from 'zod';
import { didYouMean } from './did-you-mean.js';
import { findSecretLiteral } from './secret-literal.js';

export type ConfigPath = readonly PropertyKey[];

/** A problem before it has a line and column: the path of the value, or of the key itself. */
export interface PathProblem {
  path: ConfigPath;
  /** Point at the key (unknown keys) rather than its value. */
  atKey?: boolean;
  message: string;
}

/** `routes[2].headers["x-api-key"]` */
export function formatPath(path: ConfigPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(seg))) out += `${out ? '.' : ''}${String(seg)}`;
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out || '(top level)';
}

/** What the user wrote, short, and never a secret in full. */
export function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    const secret = findSecretLiteral(value);
    if (secret) return `a secret-looking value (${secret.redacted})`;
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
  }
  return String(value);
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  record: 'a mapping',
};

function oneOf(values: readonly unknown[]): string {
  const shown = values.map((v) => String(v));
  return shown.length === 1 ? shown[0] : `one of ${shown.join(', ')}`;
}

function bound(origin: string, limit: number | bigint, inclusive: boolean, least: boolean): string {
  if (origin === 'array') return `${least ? 'at least' : 'at most'} ${limit} item${Number(limit) === 1 ? '' : 's'}`;
  if (origin === 'string') return least && Number(limit) === 1 ? 'non-empty text' : `text of ${least ? 'at least' : 'at most'} ${limit} characters`;
  return `a number ${least ? (inclusive ? '≥' : '>') : inclusive ? '≤' : '<'} ${limit}`;
}

/** Per-parse error map: "expected …" texts for schemas that did not set their own. */
export const expectationMessages: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return `expected ${oneOf(issue.values)}`;
    case 'too_small':
      return `expected ${bound(issue.origin, issue.minimum, issue.inclusive ?? true, true)}`;
    case 'too_big':
      return `expected ${bound(issue.origin, issue.maximum, issue.inclusive ?? true, false)}`;
    case 'invalid_format':
      return `expected ${issue.format === 'regex' ? `text matching ${issue.pattern}` : `a valid ${issue.format}`}`;
    default:
      return undefined;
  }
};

/** The object keys the schema accepts at `path` (through optional, default, pipe, union, array and record). */
function keysAt(schema: z.ZodType, path: ConfigPath): string[] {
  const unwrap = (s: z.core.SomeType): z.core.SomeType[] => {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) return unwrap(s.unwrap());
    if (s instanceof z.ZodPipe) return unwrap(s.in);
    if (s instanceof z.ZodUnion) return s.options.flatMap(unwrap);
    return [s];
  };
  let here = unwrap(schema);
  for (const seg of path) {
    here = here.flatMap((s) => {
      if (s instanceof z.ZodObject) return typeof seg === 'string' && seg in s.shape ? unwrap(s.shape[seg]) : [];
      if (s instanceof z.ZodArray) return unwrap(s.element);
      if (s instanceof z.ZodRecord) return unwrap(s.valueType);
      return [];
    });
  }
  return [...new Set(here.flatMap((s) => (s instanceof z.ZodObject ? Object.keys(s.shape) : [])))];
}

function withInput(issue: z.core.$ZodIssue, message: string): string {
  // YAML never yields undefined, so an undefined input is a key that is absent.
  if (issue.input === undefined) return `required; ${message}`;
  return `${message}; got ${describeValue(issue.input)}`;
}

/** One issue -> the problems to show (an unknown-keys issue gives one per key). */
function problemsOf(issue: z.core.$ZodIssue, schema: z.ZodType, prefix: ConfigPath): PathProblem[] {
  const path = [...prefix, ...issue.path];
  const at = (message: string) => [{ path, message: `${formatPath(path)}: ${message}` }];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = keysAt(schema, path);
      return issue.keys.map((key) => {
        const hint = didYouMean(key, known);
        const keyPath = [...path, key];
        return {
          path: keyPath,
          atKey: true,
          message: `${formatPath(keyPath)}: unknown key${hint ? `; did you mean \`${hint}\`?` : known.length ? `; expected one of ${known.join(', ')}` : ''}`,
        };
      });
    }
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator) {
        const given = (issue.input as Record<string, unknown> | undefined)?.[issue.discriminator];
        const options = (issue as { options?: unknown[] }).options ?? [];
        const message = `expected ${oneOf(options)}`;
        return at(given === undefined ? `required; ${message}` : `${message}; got ${describeValue(given)}`);
      }
      // The branches whose root type matched are what the user meant; report theirs if there is one.
      const meant = issue.errors.filter((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (meant.length === 1) return meant[0].flatMap((i) => problemsOf(i, schema, path));
      return at(withInput(issue, issue.message));
    }
    case 'invalid_key':
      // A mapping key the record refuses (`environments: { "pr 1": … }`): say what keys must look like, at the key.
      return [{ path, atKey: true, message: `${formatPath(path)}: ${issue.issues[0]?.message ?? issue.message}` }];
    case 'custom': {
      // Cross-key rules (schema.ts crossCheck) write complete messages and may point at the key.
      const params = issue.params as { complete?: boolean; atKey?: boolean } | undefined;
      if (params?.complete) return [{ path, atKey: params.atKey, message: `${formatPath(path)}: ${issue.message}` }];
      return at(withInput(issue, issue.message));
    }
    default:
      return at(withInput(issue, issue.message));
  }
}

export function problemsFromZod(error: z.ZodError, schema: z.ZodType): PathProblem[] {
  return error.issues.flatMap((issue) => problemsOf(issue, schema, []));
}

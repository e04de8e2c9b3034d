/**
 * A documented subset of JSONPath (RFC 9535) for reading chatbot responses: enough to point at a
 * reply, its tool calls and a session id in any API's JSON, and small enough to audit. The
 * maintained libraries need Node 22 (jsonpath-plus 11) or evaluate script (jsonpath 1.x), so none fit.
 *
 * Supported (RFC 9535 section in brackets):
 *   $                 the root (§2.2)
 *   .name  ['name']   a member by name; quotes may be ' or " (§2.5.1)
 *   [0]  [-1]         an element by index, negative from the end (§2.5.3)
 *   [*]  .*           every member or element (§2.5.2)
 *   [0,2] ['a','b']   several selectors (§2.5)
 *   [1:3] [:2] [-2:]  an array slice, without a step (§2.5.4)
 *   ..name  ..*  ..[0] descendants (§2.5.2, §2.5.7)
 * Filters (`[?…]`) and functions are not supported: `parseJsonPath` says so at the offending column.
 */

type Selector =
  | { kind: 'name'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'wildcard' }
  | { kind: 'slice'; start?: number; end?: number };

interface Segment {
  descendant: boolean;
  selectors: Selector[];
}

export class JsonPathError extends Error {
  constructor(path: string, at: number, what: string) {
    super(`JSONPath "${path}" at column ${at + 1}: ${what} (supported: $, .name, ['name'], [0], [-1], [*], .*, [a,b], [1:3], ..name)`);
    this.name = 'JsonPathError';
  }
}

const NAME_START = /[A-Za-z_$\u0080-\uffff]/;
const NAME_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;

/** A parsed path, reusable for many documents. */
export class JsonPath {
  private constructor(
    readonly source: string,
    private readonly segments: Segment[],
  ) {}

  static parse(path: string): JsonPath {
    return new JsonPath(path, parseSegments(path));
  }

  /** Every value the path selects, in document order. */
  query(document: unknown): unknown[] {
    let nodes: unknown[] = [document];
    for (const segment of this.segments) {
      const from = segment.descendant ? nodes.flatMap(descendantsAndSelf) : nodes;
      nodes = from.flatMap((node) => segment.selectors.flatMap((s) => select(node, s)));
    }
    return nodes;
  }

  /** The first value selected, or undefined. */
  first(document: unknown): unknown {
    return this.query(document)[0];
  }
}

export function parseJsonPath(path: string): JsonPath {
  return JsonPath.parse(path);
}

function parseSegments(path: string): Segment[] {
  if (!path.startsWith('$')) throw new JsonPathError(path, 0, 'a path starts with $');
  const segments: Segment[] = [];
  let i = 1;
  const fail = (what: string): never => {
    throw new JsonPathError(path, i, what);
  };
  const readName = (): string => {
    const start = i;
    if (!NAME_START.test(path[i] ?? '')) fail('expected a member name');
    while (i < path.length && NAME_CHAR.test(path[i])) i++;
    return path.slice(start, i);
  };
  while (i < path.length) {
    let descendant = false;
    if (path.startsWith('..', i)) {
      descendant = true;
      i += 2;
      if (path[i] === '[') {
        segments.push({ descendant, selectors: readBracket() });
        continue;
      }
    } else if (path[i] === '.') {
      i++;
    } else if (path[i] === '[') {
      segments.push({ descendant, selectors: readBracket() });
      continue;
    } else {
      fail(`unexpected "${path[i]}"`);
    }
    if (path[i] === '*') {
      i++;
      segments.push({ descendant, selectors: [{ kind: 'wildcard' }] });
    } else {
      segments.push({ descendant, selectors: [{ kind: 'name', name: readName() }] });
    }
  }
  return segments;

  function readBracket(): Selector[] {
    i++; // [
    const selectors: Selector[] = [];
    for (;;) {
      skipSpace();
      selectors.push(readSelector());
      skipSpace();
      if (path[i] === ',') {
        i++;
        continue;
      }
      if (path[i] === ']') {
        i++;
        return selectors;
      }
      fail('expected , or ]');
    }
  }

  function skipSpace(): void {
    while (path[i] === ' ') i++;
  }

  function readSelector(): Selector {
    const ch = path[i];
    if (ch === '*') {
      i++;
      return { kind: 'wildcard' };
    }
    if (ch === "'" || ch === '"') return { kind: 'name', name: readQuoted(ch) };
    if (ch === '?') fail('filters are not supported');
    const int = /^-?\d*/.exec(path.slice(i))![0];
    if (path[i + int.length] === ':') {
      i += int.length + 1;
      const end = /^-?\d*/.exec(path.slice(i))![0];
      i += end.length;
      if (path[i] === ':') fail('slice steps are not supported');
      const slice: Selector = { kind: 'slice' };
      if (int !== '' && int !== '-') slice.start = Number(int);
      if (end !== '' && end !== '-') slice.end = Number(end);
      return slice;
    }
    if (int === '' || int === '-') fail('expected an index, a quoted name or *');
    i += int.length;
    return { kind: 'index', index: Number(int) };
  }

  function readQuoted(quote: string): string {
    i++;
    let out = '';
    while (i < path.length && path[i] !== quote) {
      if (path[i] === '\\') {
        i++;
        const escaped = path[i];
        if (escaped === undefined) break;
        out += escaped === 'n' ? '\n' : escaped === 't' ? '\t' : escaped;
      } else out += path[i];
      i++;
    }
    if (path[i] !== quote) fail('unterminated quoted name');
    i++;
    return out;
  }
}

function select(node: unknown, selector: Selector): unknown[] {
  if (node === null || typeof node !== 'object') return [];
  switch (selector.kind) {
    case 'name':
      return !Array.isArray(node) && Object.prototype.hasOwnProperty.call(node, selector.name) ? [(node as Record<string, unknown>)[selector.name]] : [];
    case 'wildcard':
      return Array.isArray(node) ? [...node] : Object.values(node);
    case 'index': {
      if (!Array.isArray(node)) return [];
      const at = selector.index < 0 ? node.length + selector.index : selector.index;
      return at >= 0 && at < node.length ? [node[at]] : [];
    }
    case 'slice': {
      if (!Array.isArray(node)) return [];
      return node.slice(selector.start ?? 0, selector.end ?? node.length);
    }
  }
}

/** RFC 9535 §2.5.2.2: a descendant segment visits the node and all its descendants, depth first. */
function descendantsAndSelf(node: unknown): unknown[] {
  const out: unknown[] = [node];
  if (node !== null && typeof node === 'object') {
    for (const child of Array.isArray(node) ? node : Object.values(node)) out.push(...descendantsAndSelf(child));
  }
  return out;
}

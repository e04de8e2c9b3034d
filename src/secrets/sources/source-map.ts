/**
 * Source maps (ECMA-426): finding them from a script or stylesheet, and reading the original files
 * they carry in `sourcesContent`, which is where server code and config sneak into a deployment.
 */

export interface SourceMapFile {
  /** The original file's name as the map gives it, `sourceRoot` applied, bundler prefixes kept. */
  name: string;
  content: string;
}

export interface ParsedSourceMap {
  sources: number;
  files: SourceMapFile[];
}

/** The last `sourceMappingURL` annotation of a script (`//# …`) or stylesheet (`/*# … *\/`). */
export function sourceMappingUrl(text: string): string | undefined {
  const tail = text.slice(-4096);
  const all = [...tail.matchAll(/[#@]\s*sourceMappingURL\s*=\s*([^\s*'"]+)/g)];
  return all.at(-1)?.[1];
}

/** The JSON of a `data:` URL map, or undefined when it is not one. */
export function inlineSourceMap(ref: string): string | undefined {
  const m = /^data:application\/json(?:;charset=[\w-]+)?(;base64)?,(.*)$/i.exec(ref);
  if (!m) return undefined;
  try {
    return m[1] ? Buffer.from(m[2], 'base64').toString('utf8') : decodeURIComponent(m[2]);
  } catch {
    return undefined;
  }
}

interface RawMap {
  version?: unknown;
  mappings?: unknown;
  sources?: unknown;
  sourcesContent?: unknown;
  sourceRoot?: unknown;
  sections?: Array<{ map?: RawMap }>;
}

function filesOf(map: RawMap, out: ParsedSourceMap): void {
  if (Array.isArray(map.sections)) {
    for (const s of map.sections) if (s.map) filesOf(s.map, out);
    return;
  }
  const sources = Array.isArray(map.sources) ? map.sources : [];
  const contents = Array.isArray(map.sourcesContent) ? map.sourcesContent : [];
  const root = typeof map.sourceRoot === 'string' && map.sourceRoot ? map.sourceRoot.replace(/\/?$/, '/') : '';
  out.sources += sources.length;
  sources.forEach((name, i) => {
    const content = contents[i];
    if (typeof content === 'string' && content.length > 0) out.files.push({ name: `${root}${typeof name === 'string' ? name : `source ${i}`}`, content });
  });
}

/** Parses a source map (plain or index map); undefined when the text is not one. */
export function parseSourceMap(text: string): ParsedSourceMap | undefined {
  let map: RawMap;
  try {
    map = JSON.parse(text.replace(/^\)\]\}'[^\n]*\n/, '')) as RawMap;
  } catch {
    return undefined;
  }
  if (!map || typeof map !== 'object' || map.version === undefined || (map.mappings === undefined && !Array.isArray(map.sections))) return undefined;
  const out: ParsedSourceMap = { sources: 0, files: [] };
  filesOf(map, out);
  return out;
}

/** `webpack://shop/./src/db.ts` -> `src/db.ts`: the name a developer recognises, for the evidence. */
export function displayName(source: string): string {
  return source.replace(/^[a-z][\w+.-]*:\/\/\/?[^/]*\//i, '').replace(/^(?:\.\/)+/, '');
}

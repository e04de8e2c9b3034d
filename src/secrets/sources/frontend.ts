/**
 * The deployed-frontend scan: what the site actually ships to every visitor. Crawls HTML pages up
 * to a limit, fetches the same-site scripts, stylesheets and web manifests they load (and the
 * chunks scripts name), the source maps those reference or that sit at `<file>.map`, and probes
 * the well-known leak paths on every origin, telling real files from a catch-all page by their
 * signature and by comparing with the answer to a random path (a soft 404).
 */
import { randomBytes } from 'node:crypto';
import type { LimitFunction } from 'p-limit';
import { fingerprintOf } from '../../analysis/fingerprinted-asset.js';
import type { Progress } from '../../collect/context.js';
import type { HttpExchange, RedirectChain } from '../../core/artifacts.js';
import type { FrontendDocument, FrontendDocumentKind, FrontendSecretScan, LeakProbe } from '../artifact.js';
import { scanText, type Ruleset } from '../engine.js';
import { styleOf } from '../file-kind.js';
import type { Placement } from '../matches.js';
import type { RawMatch, SecretMatch } from '../types.js';
import { chunkUrls, pageLinks } from './html-links.js';
import { LEAK_PATHS } from './leak-paths.js';
import { displayName, inlineSourceMap, parseSourceMap, sourceMappingUrl } from './source-map.js';

/** What the crawl needs of the HTTP client (HttpClient in the CLI and the audit). */
export interface Fetcher {
  request(url: string): Promise<HttpExchange>;
  follow(url: string): Promise<RedirectChain>;
}

/** Turns one document's raw matches into redacted matches (and verifies them when asked). */
export type Finisher = (raw: RawMatch[], at: Placement) => Promise<SecretMatch[]>;

export interface CrawlOptions {
  startUrls: string[];
  /** Origins (`https://www.acme.test`) probed for leak paths. */
  origins: string[];
  isSameSite(host: string): boolean;
  maxPages: number;
  maxAssets: number;
  maxSourceMaps: number;
  limit: LimitFunction;
  progress: Progress;
  finish: Finisher;
  ruleset?: Ruleset;
}

export const CRAWL_DEFAULTS = { maxPages: 20, maxAssets: 60, maxSourceMaps: 40 } as const;

/** The URL a fingerprint names: no query or fragment, content hashes blanked, so a rebuild keeps it. */
export function placeOfUrl(url: string): string {
  try {
    const u = new URL(url);
    const hash = fingerprintOf(url);
    const path = hash ? u.pathname.replace(hash, '*') : u.pathname;
    return `${u.origin}${path}`;
  } catch {
    return url;
  }
}

function isHtmlResponse(ex: HttpExchange): boolean {
  return /html/i.test(ex.headers['content-type']?.[0] ?? '') || /^\s*<(?:!doctype html|html)/i.test(ex.body.slice(0, 200));
}

const ok = (ex: HttpExchange | undefined): ex is HttpExchange => ex?.status !== undefined && ex.status >= 200 && ex.status < 300;

function documentOf(ex: HttpExchange, kind: FrontendDocumentKind, referrer?: string): FrontendDocument {
  return {
    url: ex.url,
    kind,
    ...(ex.status !== undefined ? { status: ex.status } : {}),
    bytes: ex.body.length,
    truncated: ex.truncated,
    ...(ex.error ? { error: `${ex.error.code}: ${ex.error.message}` } : {}),
    ...(referrer ? { referrer } : {}),
  };
}

export async function crawlFrontend(http: Fetcher, opts: CrawlOptions): Promise<FrontendSecretScan> {
  const scan: FrontendSecretScan = { startUrls: opts.startUrls, origins: opts.origins, documents: [], leakPaths: [], matches: [], suppressed: { inline: 0, ignoreFile: 0, baseline: 0 }, capped: [] };
  const fetchLimited = <T>(label: string, phase: string, work: () => Promise<T>) =>
    opts.limit(() => {
      opts.progress.step(label, phase);
      return work();
    });
  const scanInto = async (text: string, at: Placement, style = styleOf(new URL(at.location).pathname)) => {
    const { matches: raw, allowed } = scanText(text, { path: at.location, style }, opts.ruleset);
    scan.suppressed.inline += allowed;
    if (raw.length > 0) scan.matches.push(...(await opts.finish(raw, at)));
  };

  // Pages, breadth first.
  const seenPages = new Set<string>();
  // Two start URLs may redirect to the same page: it is scanned once.
  const scannedPages = new Set<string>();
  const assets = new Map<string, { kind: FrontendDocumentKind; referrer: string }>();
  const addAsset = (url: string, kind: FrontendDocumentKind, referrer: string) => {
    if (!assets.has(url)) assets.set(url, { kind, referrer });
  };
  let frontier = [...new Set(opts.startUrls)];
  while (frontier.length > 0 && seenPages.size < opts.maxPages) {
    const batch = frontier.filter((u) => !seenPages.has(u)).slice(0, opts.maxPages - seenPages.size);
    batch.forEach((u) => seenPages.add(u));
    const next: string[] = [];
    await Promise.all(
      batch.map((url) =>
        fetchLimited(url, 'page', async () => {
          const final = (await http.follow(url)).exchanges.at(-1);
          if (!final) return;
          const finalHost = new URL(final.url).hostname;
          if (!ok(final) || !isHtmlResponse(final) || !opts.isSameSite(finalHost) || scannedPages.has(final.url)) return;
          scannedPages.add(final.url);
          seenPages.add(final.url);
          scan.documents.push(documentOf(final, 'page'));
          await scanInto(final.body, { source: 'frontend', location: final.url, place: placeOfUrl(final.url) }, 'code');
          const links = pageLinks(final.body, final.url, opts.isSameSite);
          links.scripts.forEach((u) => addAsset(u, 'script', final.url));
          links.stylesheets.forEach((u) => addAsset(u, 'stylesheet', final.url));
          links.manifests.forEach((u) => addAsset(u, 'manifest', final.url));
          next.push(...links.pages);
        }),
      ),
    );
    frontier = [...new Set(next)].filter((u) => !seenPages.has(u));
  }
  if (frontier.length > 0) scan.capped.push(`pages: ${opts.maxPages}`);

  // Scripts, stylesheets and manifests; scripts may name more chunks, fetched in the next round.
  const maps = new Map<string, { referrer: string; via: FrontendDocument['via']; inline?: string }>();
  const fetched = new Set<string>();
  for (;;) {
    const round = [...assets].filter(([u]) => !fetched.has(u)).slice(0, Math.max(0, opts.maxAssets - fetched.size));
    if (round.length === 0) break;
    round.forEach(([u]) => fetched.add(u));
    await Promise.all(
      round.map(([url, { kind, referrer }]) =>
        fetchLimited(url, kind, async () => {
          const ex = (await http.follow(url)).exchanges.at(-1);
          if (!ex) return;
          scan.documents.push(documentOf(ex, kind, referrer));
          if (!ok(ex) || isHtmlResponse(ex)) return;
          await scanInto(ex.body, { source: 'frontend', location: ex.url, place: placeOfUrl(ex.url) }, 'code');
          if (kind === 'manifest') return;
          if (kind === 'script') chunkUrls(ex.body, ex.url, opts.isSameSite).forEach((u) => addAsset(u, 'script', ex.url));
          const header = ex.headers.sourcemap?.[0] ?? ex.headers['x-sourcemap']?.[0];
          const ref = header ?? sourceMappingUrl(ex.body);
          const inline = ref ? inlineSourceMap(ref) : undefined;
          if (inline !== undefined) maps.set(`${ex.url}#inline-source-map`, { referrer: ex.url, via: 'inline', inline });
          else if (ref) {
            try {
              maps.set(new URL(ref, ex.url).toString(), { referrer: ex.url, via: header ? 'header' : 'comment' });
            } catch {
              // An unparsable reference names no map.
            }
          } else if (!new URL(ex.url).search) maps.set(`${ex.url}.map`, { referrer: ex.url, via: 'guess' });
        }),
      ),
    );
  }
  if ([...assets.keys()].some((u) => !fetched.has(u))) scan.capped.push(`assets: ${opts.maxAssets}`);

  // Source maps: the original files they carry are scanned under their own names.
  const mapList = [...maps].slice(0, opts.maxSourceMaps);
  if (maps.size > mapList.length) scan.capped.push(`source maps: ${opts.maxSourceMaps}`);
  await Promise.all(
    mapList.map(([url, m]) =>
      fetchLimited(url, 'source map', async () => {
        let text: string;
        let doc: FrontendDocument;
        if (m.inline !== undefined) {
          text = m.inline;
          doc = { url, kind: 'sourcemap', bytes: text.length, truncated: false, referrer: m.referrer, via: 'inline' };
        } else {
          const ex = (await http.follow(url)).exchanges.at(-1);
          if (!ex) return;
          text = ex.body;
          doc = { ...documentOf(ex, 'sourcemap', m.referrer), via: m.via };
          // A guess that finds nothing is not worth recording.
          if (!ok(ex) && m.via === 'guess') return;
          if (!ok(ex)) return void scan.documents.push(doc);
        }
        const parsed = parseSourceMap(text);
        if (!parsed) {
          if (m.via !== 'guess') scan.documents.push(doc);
          return;
        }
        scan.documents.push({ ...doc, sources: parsed.sources, sourcesWithContent: parsed.files.length });
        for (const file of parsed.files) {
          await scanInto(file.content, { source: 'sourcemap', location: url, place: `${placeOfUrl(url)}#${displayName(file.name)}`, originalSource: displayName(file.name) }, styleOf(displayName(file.name)));
        }
      }),
    ),
  );

  scan.leakPaths = (await Promise.all(opts.origins.map((origin) => probeLeakPaths(http, origin, fetchLimited)))).flat();
  for (const probe of scan.leakPaths) {
    if (probe.verdict !== 'exposed') continue;
    const ex = await http.request(probe.url);
    const source = probe.category === 'frontend-config' ? 'frontend' : 'leak-path';
    await scanInto(ex.body, { source, location: probe.url, place: placeOfUrl(probe.url) }, probe.category === 'env-file' ? 'env' : styleOf(probe.path));
  }
  scan.documents.sort((a, b) => a.url.localeCompare(b.url));
  scan.matches.sort((a, b) => a.location.localeCompare(b.location) || a.line - b.line || a.column - b.column);
  return scan;
}

/** Probes one origin's leak paths; the random path's answer is the soft-404 baseline. */
async function probeLeakPaths(http: Fetcher, origin: string, fetchLimited: <T>(label: string, phase: string, work: () => Promise<T>) => Promise<T>): Promise<LeakProbe[]> {
  const baseline = await fetchLimited(origin, 'soft-404 baseline', () => http.request(`${origin}/launch-ready-${randomBytes(8).toString('hex')}`));
  return Promise.all(
    LEAK_PATHS.map((leak) =>
      fetchLimited(`${origin}${leak.path}`, 'leak path', async (): Promise<LeakProbe> => {
        const url = `${origin}${leak.path}`;
        const ex = await http.request(url);
        const base = { url, path: leak.path, category: leak.category, bytes: ex.body.length, ...(ex.status !== undefined ? { status: ex.status } : {}) };
        if (ex.status === undefined) return { ...base, verdict: 'error', ...(ex.error ? { error: `${ex.error.code}: ${ex.error.message}` } : {}) };
        if (!ok(ex)) return { ...base, verdict: 'absent' };
        const evidence = leak.recognise(ex.body);
        if (!evidence || (ok(baseline) && baseline.body === ex.body)) return { ...base, verdict: 'soft-404' };
        return { ...base, verdict: 'exposed', evidence };
      }),
    ),
  );
}

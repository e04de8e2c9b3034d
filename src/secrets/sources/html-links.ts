/** What a page points the crawler at: scripts, stylesheets, web manifests and links to more pages. */

export interface PageLinks {
  scripts: string[];
  stylesheets: string[];
  manifests: string[];
  pages: string[];
}

const TAG = /<(script|link|a)\b[^>]*>/gi;
/** Links to files rather than pages are not crawled as pages. */
const NOT_A_PAGE = /\.(?:png|jpe?g|gif|webp|avif|svg|ico|pdf|zip|gz|mp4|webm|mp3|woff2?|ttf|css|js|mjs|json|xml|txt|map)$/i;

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

function resolve(value: string | undefined, base: string): URL | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.replace(/&amp;/g, '&'), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

export function pageLinks(html: string, pageUrl: string, isSameSite: (host: string) => boolean): PageLinks {
  const out: PageLinks = { scripts: [], stylesheets: [], manifests: [], pages: [] };
  const add = (list: string[], url: URL | undefined) => {
    if (!url || !isSameSite(url.hostname)) return;
    url.hash = '';
    const s = url.toString();
    if (!list.includes(s)) list.push(s);
  };
  const origin = new URL(pageUrl).origin;
  for (const [tag, name] of html.matchAll(TAG)) {
    const kind = name.toLowerCase();
    if (kind === 'script') add(out.scripts, resolve(attribute(tag, 'src'), pageUrl));
    else if (kind === 'a') {
      const url = resolve(attribute(tag, 'href'), pageUrl);
      if (url && url.origin === origin && !NOT_A_PAGE.test(url.pathname)) add(out.pages, url);
    } else {
      const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
      const href = resolve(attribute(tag, 'href'), pageUrl);
      if (rel.includes('stylesheet')) add(out.stylesheets, href);
      else if (rel.includes('manifest')) add(out.manifests, href);
      else if (rel.includes('modulepreload') || (rel.includes('preload') && /^script$/i.test(attribute(tag, 'as') ?? ''))) add(out.scripts, href);
    }
  }
  return out;
}

/** Same-site script paths a bundle loads lazily (`"/assets/chat-3f9a1c.js"`), for code-split apps. */
export function chunkUrls(script: string, scriptUrl: string, isSameSite: (host: string) => boolean): string[] {
  const found = new Set<string>();
  for (const m of script.matchAll(/["'`](\/[\w\-./]+\.m?js)["'`]/g)) {
    const url = resolve(m[1], scriptUrl);
    if (url && isSameSite(url.hostname)) found.add(url.toString());
  }
  return [...found];
}

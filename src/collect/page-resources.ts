/** Same-site scripts and stylesheets a page loads, resolved against the page URL. */
export function pageResources(html: string, pageUrl: string, isSameSite: (host: string) => boolean): string[] {
  const found = new Set<string>();
  const tags = html.match(/<(script|link)\b[^>]*>/gi) ?? [];
  for (const tag of tags) {
    const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
    const isLink = /^<link/i.test(tag);
    if (isLink && !/stylesheet|modulepreload|preload/i.test(attr('rel')?.[0] ?? '')) continue;
    const m = attr(isLink ? 'href' : 'src');
    const value = m ? (m[2] ?? m[3] ?? m[4]) : undefined;
    if (!value) continue;
    try {
      const url = new URL(value, pageUrl);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && isSameSite(url.hostname)) found.add(url.toString());
    } catch {
      // An unparsable URL in a page is the page's problem, not a resource to fetch.
    }
  }
  return [...found];
}

/** `<meta>` tags of an HTML page: the robots, referrer and CSP values a page can set in markup. */

function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(/([a-z][a-z0-9:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)) {
    attrs.set(m[1].toLowerCase(), m[2] ?? m[3] ?? m[4]);
  }
  return attrs;
}

/**
 * The content of every `<meta name=KEY>` (or `http-equiv=KEY` when `by` says so), matched
 * case-insensitively, whatever the attribute order or quoting.
 */
export function metaContents(html: string, by: 'name' | 'http-equiv', key: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<meta\b[^>]*>/gi)) {
    const attrs = attributes(m[0]);
    const content = attrs.get('content');
    if (content !== undefined && attrs.get(by)?.toLowerCase() === key.toLowerCase()) found.push(content);
  }
  return found;
}

/** Dotted JSON paths as routes declare them: `order.id`, `items.0.sku`, optionally written `$.order.id`. */

export type PathLookup = { found: true; value: unknown } | { found: false };

export function readJsonPath(document: unknown, path: string): PathLookup {
  let current = document;
  for (const key of path.replace(/^\$\.?/, '').split('.')) {
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, key)) return { found: false };
    current = (current as Record<string, unknown>)[key];
  }
  return { found: true, value: current };
}

export function parseJsonBody(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * The `tag=value; tag=value` syntax of DKIM key records (RFC 6376 §3.2), which DMARC (RFC 7489
 * §6.4), MTA-STS (RFC 8461 §3.1), TLS-RPT (RFC 8460 §3) and BIMI records borrow.
 */
export interface Tag {
  name: string;
  value: string;
}

export interface TagList {
  tags: Tag[];
  errors: string[];
}

const TAG = /^([A-Za-z][A-Za-z0-9_]*)[ \t]*=[ \t]*([\s\S]*)$/;

/** Whitespace around tags and values is folding white space and is dropped; a trailing ";" is allowed. */
export function parseTagList(text: string): TagList {
  const out: TagList = { tags: [], errors: [] };
  const parts = text.split(';').map((p) => p.trim());
  if (parts[parts.length - 1] === '') parts.pop();
  for (const part of parts) {
    const m = TAG.exec(part);
    if (!m) {
      out.errors.push(`"${part}" is not a tag=value pair`);
      continue;
    }
    // RFC 6376 §3.2: a tag name that occurs twice makes the whole list invalid.
    if (out.tags.some((t) => t.name === m[1])) out.errors.push(`tag "${m[1]}" appears more than once`);
    out.tags.push({ name: m[1], value: m[2].trim() });
  }
  return out;
}

export function tagValue(list: TagList, name: string): string | undefined {
  return list.tags.find((t) => t.name === name)?.value;
}

/** robots.txt reading per RFC 9309, for the question "may crawlers index anything here?". */

interface Rule {
  allow: boolean;
  path: string;
}

/** Rules of every group that names `*`; groups for the same agent combine (RFC 9309 §2.2.1). */
function rulesForEveryone(body: string): Rule[] {
  const rules: Rule[] = [];
  let agents: string[] = [];
  let inRules = false;
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const field = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (field === 'user-agent') {
      // A user-agent line after rules starts a new group; consecutive ones share a group.
      if (inRules) agents = [];
      inRules = false;
      agents.push(value.toLowerCase());
    } else if (field === 'allow' || field === 'disallow') {
      inRules = true;
      if (agents.includes('*')) rules.push({ allow: field === 'allow', path: value });
    }
  }
  return rules;
}

/**
 * True when `*` may crawl nothing: a `Disallow: /` and no non-empty Allow (the longest match
 * wins and Allow wins ties, RFC 9309 §2.2.2, so any Allow opens some path).
 */
export function disallowsEverything(body: string): boolean {
  const rules = rulesForEveryone(body);
  const blocked = rules.some((r) => !r.allow && (r.path === '/' || r.path === '/*'));
  return blocked && !rules.some((r) => r.allow && r.path !== '');
}

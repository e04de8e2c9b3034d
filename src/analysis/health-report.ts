/**
 * Which dependencies a health response reports on. A health endpoint that only says "ok" stays
 * green while the database or the model provider is down; one that names their states does not.
 * Understands the common shapes: `{checks|dependencies|services|components: {db: {status}}}`, the
 * IETF health-check draft (`checks: {"db:connections": [{status}]}`), lists of `{name, status}`,
 * and top-level `{db: "up", redis: "up"}`.
 */

const CONTAINER_KEYS = ['checks', 'dependencies', 'services', 'components', 'details', 'deps', 'subsystems', 'integrations'];
const DEPENDENCY_KEY = /^(db|database|postgres(ql)?|mysql|mongo(db)?|sqlite|redis|cache|queue|broker|kafka|model|models|provider|llm|ai|openai|anthropic|search|storage|payments?|stripe|email|smtp)$/i;
const STATE_KEYS = ['status', 'state', 'healthy', 'ok', 'up', 'health'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A dependency entry that carries a state: `"up"`, `true`, `{status: "pass"}`, or a list of those. */
function carriesState(v: unknown): boolean {
  if (typeof v === 'string' || typeof v === 'boolean') return true;
  if (Array.isArray(v)) return v.length > 0 && v.every(carriesState);
  return isRecord(v) && STATE_KEYS.some((k) => k in v);
}

/** Names of the dependencies whose state the document reports; empty when it reports none. */
export function reportedDependencies(document: unknown): string[] {
  if (!isRecord(document)) return [];
  const names: string[] = [];
  for (const key of CONTAINER_KEYS) {
    const container = document[key];
    if (isRecord(container)) {
      for (const [name, entry] of Object.entries(container)) if (carriesState(entry)) names.push(name);
    } else if (Array.isArray(container)) {
      for (const [i, entry] of container.entries()) {
        if (isRecord(entry) && carriesState(entry)) names.push(String(entry.name ?? entry.id ?? entry.component ?? `${key}[${i}]`));
      }
    }
  }
  for (const [name, entry] of Object.entries(document)) if (DEPENDENCY_KEY.test(name) && carriesState(entry)) names.push(name);
  return names;
}

/**
 * `${NAME}` references to environment variables: the only way a secret may appear in the config.
 * The loaded config keeps them as written; they are expanded where the value is used, so a missing
 * variable only matters to the command that needs it.
 */
import { UsageError } from '../core/errors.js';

/** A reference: `${` + a POSIX environment variable name + `}`. Global: use with replace/matchAll only. */
export const ENV_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Expands every `${NAME}` in `value`; throws naming each variable that is unset or empty. */
export function resolveEnvRefs(value: string, env: NodeJS.ProcessEnv = process.env): string {
  const missing = new Set<string>();
  const resolved = value.replace(ENV_REF, (_, name: string) => {
    const v = env[name];
    if (v === undefined || v === '') missing.add(name);
    return v ?? '';
  });
  if (missing.size) {
    const names = [...missing];
    throw new UsageError(
      'LR_ENV_MISSING',
      `${names.length === 1 ? 'environment variable' : 'environment variables'} ${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} not set (or empty); ` +
        `the config refers to ${names.map((n) => `\${${n}}`).join(', ')}. Export ${names.length === 1 ? 'it' : 'them'} before running, e.g. \`export ${names[0]}=…\`.`,
    );
  }
  return resolved;
}

/** The first `${…` that is not a well-formed reference (`${ API_KEY }`, `${api-key}`, an unclosed `${`), cut short for display. */
export function malformedEnvRef(value: string): string | undefined {
  const rest = value.replace(ENV_REF, '');
  const at = rest.indexOf('${');
  if (at < 0) return undefined;
  const end = rest.indexOf('}', at);
  return end >= 0 && end - at < 32 ? rest.slice(at, end + 1) : `${rest.slice(at, at + 12)}…`;
}

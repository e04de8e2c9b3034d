/**
 * Browser-exposed variables: build tools inline any variable with these prefixes into the client
 * bundle, so its value is public. And which names say "this is a secret".
 */

/** Next.js, Vite, Create React App, SvelteKit/Astro, Expo, Nuxt, Gatsby. */
export const BROWSER_PREFIXES = ['NEXT_PUBLIC_', 'NUXT_PUBLIC_', 'EXPO_PUBLIC_', 'REACT_APP_', 'VITE_', 'PUBLIC_', 'GATSBY_'] as const;

export function publicPrefixOf(name: string): string | undefined {
  return BROWSER_PREFIXES.find((p) => name.startsWith(p));
}

function words(name: string): string[] {
  return name.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** Words that make any variable a secret, whatever else the name says. */
const SECRET_WORDS = new Set(['secret', 'private', 'password', 'passwd', 'pwd', 'credential', 'credentials', 'admin']);
/** Words of keys designed to be public: publishable, anon, search-only, site keys, DSNs, ids. */
const PUBLIC_WORDS = new Set(['publishable', 'anon', 'search', 'public', 'site', 'measurement', 'dsn', 'id']);
/** Providers that only issue secret keys: any key, token or URL of theirs is a credential. */
const SECRET_ONLY_PROVIDERS = new Set([
  'openai', 'anthropic', 'claude', 'groq', 'mistral', 'cohere', 'replicate', 'huggingface', 'hf', 'gemini', 'sendgrid', 'mailgun',
  'postmark', 'resend', 'twilio', 'aws', 'github', 'gitlab', 'slack', 'npm', 'database', 'db', 'postgres', 'postgresql', 'mongodb',
  'mongo', 'redis', 'jwt', 'webhook', 'service',
]);
const CREDENTIAL_WORDS = new Set(['key', 'token', 'url', 'uri', 'role']);

/** Why a name reads as a secret (`contains SECRET`, `an OpenAI key`), or undefined. */
export function secretLookingName(name: string): string | undefined {
  const prefix = publicPrefixOf(name) ?? '';
  const w = words(name.slice(prefix.length));
  const secretWord = w.find((x) => SECRET_WORDS.has(x));
  if (secretWord) return `the name contains ${secretWord.toUpperCase()}`;
  if (w.some((x) => PUBLIC_WORDS.has(x))) return undefined;
  const provider = w.find((x) => SECRET_ONLY_PROVIDERS.has(x));
  const credential = w.find((x) => CREDENTIAL_WORDS.has(x));
  return provider && credential ? `${provider.toUpperCase()} issues only secret ${credential === 'role' ? 'keys' : `${credential}s`}` : undefined;
}

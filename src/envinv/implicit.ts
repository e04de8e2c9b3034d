/**
 * Variables that platforms set or tools read by themselves: reading one the project never declares
 * is normal, and defining one the code never reads is not dead configuration.
 */

/** Set by the runtime, the CI or the hosting platform. */
const SET_BY_PLATFORM = /^(?:NODE_ENV|PORT|HOST|HOSTNAME|CI|TZ|PATH|HOME|PWD|USER|SHELL|LANG|DEBUG|NEXT_RUNTIME|NEXT_PHASE|K_SERVICE|(?:VERCEL|NETLIFY|RENDER|FLY|RAILWAY|HEROKU|GITHUB|RUNNER|AWS_LAMBDA|CF_PAGES|npm|npm_config)_\w+|VERCEL|NETLIFY|AWS_REGION|AWS_EXECUTION_ENV)$/;

/** Read by frameworks and build tools from the environment without a line of app code (NextAuth, Prisma, Sentry's build plugin, Node). */
const READ_BY_TOOLS = /^(?:DATABASE_URL|DIRECT_URL|SHADOW_DATABASE_URL|NEXTAUTH_URL|NEXTAUTH_SECRET|AUTH_SECRET|AUTH_URL|AUTH_TRUST_HOST|SENTRY_\w+|NODE_OPTIONS|NODE_ENV|PORT|TZ|NEXT_TELEMETRY_DISABLED|SKIP_ENV_VALIDATION|ANALYZE|BROWSERSLIST_\w*|TURBO_\w+)$/;

export function isSetByPlatform(name: string): boolean {
  return SET_BY_PLATFORM.test(name);
}

export function isReadByTools(name: string): boolean {
  return READ_BY_TOOLS.test(name) || SET_BY_PLATFORM.test(name);
}

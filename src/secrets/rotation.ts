/**
 * How to rotate each kind of leaked credential: where to revoke it and what breaks when you do,
 * so the fix in a finding is a procedure, not "rotate the key".
 */

export interface Rotation {
  /** Where the key is revoked and a new one made. */
  where: string;
  /** What stops working until the new value is deployed. */
  breaks: string;
}

const ROTATION: Record<string, Rotation> = {
  openai: { where: 'platform.openai.com → API keys (project keys under the project, service accounts under Project → Members)', breaks: 'every chat and embedding call made with it' },
  anthropic: { where: 'console.anthropic.com → Settings → API keys', breaks: 'every model call made with it' },
  google: { where: 'Google Cloud console → APIs & Services → Credentials (regenerate, then add API and HTTP-referrer restrictions)', breaks: 'the Gemini, Maps or other Google API calls made with it' },
  firebase: { where: 'Firebase console → Project settings → Cloud Messaging (disable the legacy server key, move to the HTTP v1 API with a service account)', breaks: 'push notifications sent with it' },
  'azure-openai': { where: 'Azure portal → the Azure OpenAI resource → Keys and Endpoint → Regenerate (use the second key meanwhile)', breaks: 'model calls made with that key' },
  huggingface: { where: 'huggingface.co → Settings → Access Tokens → Invalidate', breaks: 'model downloads and Inference API calls made with it' },
  groq: { where: 'console.groq.com → API Keys', breaks: 'every model call made with it' },
  mistral: { where: 'console.mistral.ai → API keys', breaks: 'every model call made with it' },
  cohere: { where: 'dashboard.cohere.com → API keys', breaks: 'every model call made with it' },
  replicate: { where: 'replicate.com → Account → API tokens', breaks: 'predictions run with it' },
  stripe: { where: 'Stripe Dashboard → Developers → API keys → Roll key (choose an expiry for the old key to deploy the new one first)', breaks: 'charges, refunds and webhooks handling made with the old key once it expires' },
  'stripe-webhook': { where: 'Stripe Dashboard → Developers → Webhooks → the endpoint → Roll secret', breaks: 'signature checks of incoming webhooks until the new secret is deployed' },
  braintree: { where: 'Braintree Control Panel (or PayPal Developer → Apps) → API keys → generate new, then delete the old', breaks: 'payments made through the SDK with the old credentials' },
  paypal: { where: 'developer.paypal.com → Apps & Credentials → the app → generate a new secret, then delete the old', breaks: 'PayPal API calls (orders, captures, refunds) with the old secret' },
  shopify: { where: 'Shopify admin → Settings → Apps and sales channels → Develop apps → the app → API credentials → rotate/uninstall and reinstall', breaks: 'Admin API calls and webhook verification of that app' },
  aws: { where: 'AWS IAM → Users → Security credentials → create a new access key, deploy it, then deactivate and delete the leaked one; check CloudTrail for use', breaks: 'every AWS call signed with the pair (S3 uploads, email, queues)' },
  gcp: { where: 'Google Cloud console → IAM → Service accounts → Keys → delete the key (OAuth clients: Credentials → reset secret)', breaks: 'workers and sign-ins using that key or client secret' },
  supabase: { where: 'Supabase dashboard → Project settings → API keys (roll the JWT secret or the secret key)', breaks: 'server code using the key; rolling the JWT secret also signs every user out' },
  algolia: { where: 'Algolia dashboard → Settings → API Keys → regenerate the admin key', breaks: 'indexing jobs that write with it' },
  github: { where: 'github.com → Settings → Developer settings → tokens (apps: regenerate the private key) — also check the audit log', breaks: 'CI jobs and scripts using the token' },
  gitlab: { where: 'GitLab → Preferences → Access tokens (or the project/group token page) → Revoke', breaks: 'CI jobs, deploy scripts and runners using it' },
  npm: { where: 'npmjs.com → Access Tokens → Delete; then check recently published versions of your packages', breaks: 'publishing and private installs with it' },
  sentry: { where: 'Sentry → Settings → Auth Tokens (organization or personal) → Revoke', breaks: 'source-map uploads and release creation in CI' },
  slack: { where: 'api.slack.com/apps → the app → OAuth & Permissions → Revoke tokens, then reinstall', breaks: 'bot messages and Slack API calls with that token' },
  'slack-webhook': { where: 'api.slack.com/apps → the app → Incoming Webhooks → remove the URL and add a new one', breaks: 'alerts and order notifications posted to that channel' },
  discord: { where: 'Discord → Server settings → Integrations → Webhooks → delete the webhook and create a new one', breaks: 'notifications posted through it' },
  twilio: { where: 'Twilio Console → Account → API keys & tokens (promote a secondary auth token, or delete the API key)', breaks: 'SMS, verification codes and calls sent with it' },
  sendgrid: { where: 'SendGrid → Settings → API Keys → Delete', breaks: 'order and password-reset emails sent with it' },
  mailgun: { where: 'Mailgun → API Security → rotate the key', breaks: 'transactional email sent with it' },
  postmark: { where: 'Postmark → the server → API Tokens → regenerate', breaks: 'transactional email sent through that server' },
  resend: { where: 'resend.com → API Keys → delete it and create a new one', breaks: 'transactional email sent with it' },
  mailchimp: { where: 'Mailchimp → Profile → Extras → API keys → disable it', breaks: 'list syncing and campaign automation' },
  database: { where: 'the database provider (or `ALTER ROLE … PASSWORD …`): set a new password for that user, and restrict network access to the app', breaks: 'every service connecting as that user until it gets the new URL' },
  'url-credentials': { where: 'the service the URL points at: change that account\'s password', breaks: 'whatever logs in with that URL (mail sending, queues, deploys)' },
  'private-key': { where: 'wherever the key is trusted: replace it (new key pair, new certificate or deploy key) and remove the old public half', breaks: 'TLS, SSH deploys or signatures made with the old key' },
  jwt: { where: 'your own configuration: generate a new random secret (e.g. `openssl rand -base64 32`)', breaks: 'every session and token signed with the old secret: users are signed out' },
  generic: { where: 'the service that issued it: revoke it there and issue a new one', breaks: 'whatever authenticates with it' },
};

export function rotationOf(provider: string): Rotation {
  return ROTATION[provider] ?? ROTATION.generic;
}

/** The rotation part of a finding's fix: where to revoke, and what breaks until the new value is deployed. */
export function rotationSteps(provider: string): string {
  const r = rotationOf(provider);
  return `Rotate it: revoke it at ${r.where}. Until the new value is deployed, this breaks: ${r.breaks}.`;
}

/**
 * The commented launch-ready.yaml that `launch-ready init URL` writes from what discovery found.
 * It must load as is; the commented-out examples must load too once uncommented (both tested).
 * Convention kept throughout: commented-out YAML is `# key:`, `# - …` or `#   …` (indented);
 * prose comments never start that way.
 */
import { stringify } from 'yaml';

export interface StarterInput {
  /** The URL the user gave to `init`. */
  url: string;
  /** The registrable domain. */
  domain: string;
  /** Hosts discovery found, with what they resolve to. */
  hosts: Array<{ name: string; addresses: string[]; cname?: string }>;
  /** Where the home page settles after redirects, when discovery followed them. */
  canonicalUrl?: string;
}

/** Environments guessed from a label of the host name; `dev` is not a role name, so it gets one. */
const NON_PRODUCTION: Record<string, { role: string; note?: string }> = {
  staging: { role: 'staging' },
  preview: { role: 'preview' },
  dev: { role: 'staging', note: 'Guessed: "dev" is not a role name, so say what it is for' },
};

function scalar(value: string | number): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function httpUrl(url: string): URL {
  return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`);
}

function productName(domain: string): string {
  const label = domain.split('.')[0] ?? domain;
  return label
    .split(/[-_]/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}

function environmentOf(host: string, domain: string): string {
  const labels = (host.endsWith(`.${domain}`) ? host.slice(0, -domain.length - 1) : host).split('.');
  return labels.find((l) => l in NON_PRODUCTION) ?? 'production';
}

function resolution(host: StarterInput['hosts'][number] | undefined): string {
  if (!host) return 'not found by discovery';
  const addresses = host.addresses.length ? host.addresses.join(', ') : 'no address';
  return host.cname ? `CNAME ${host.cname} -> ${addresses}` : addresses;
}

export function renderStarterConfig(d: StarterInput): string {
  const domain = d.domain.toLowerCase().replace(/\.$/, '');
  const canonical = httpUrl(d.canonicalUrl ?? d.url);
  const origin = canonical.origin;
  const found = new Map(d.hosts.map((h) => [h.name.toLowerCase().replace(/\.$/, ''), h]));
  const names = [...new Set([domain, canonical.hostname, ...found.keys()])];
  const width = Math.max(...names.map((n) => n.length));
  const byEnvironment = new Map<string, string[]>();
  for (const name of names) {
    const env = environmentOf(name, domain);
    byEnvironment.set(env, [...(byEnvironment.get(env) ?? []), name]);
  }
  const apiHost = names.find((n) => n.startsWith('api.'));
  const apiOrigin = apiHost ? `https://${apiHost}` : origin;

  const out: string[] = [
    `# What \`launch-ready audit\` checks for ${productName(domain)}.`,
    `# Written by \`launch-ready init ${d.url}\` from what discovery found; edit freely.`,
    '# Every key is described in docs/config.md. Secrets never go in this file: write ${ENV_NAME}',
    '# and export the variable where launch-ready runs.',
    '',
    '# The product, as the report names it.',
    `product: ${scalar(productName(domain))}`,
    '# The registrable domain the shop lives under.',
    `domain: ${scalar(domain)}`,
    '# The one URL every other host and http:// should redirect to, in a single permanent hop.',
    `canonical: ${scalar(canonical.href)}`,
    '',
    '# Every public host name to audit: DNS, TLS, redirects, edge, headers. Add any discovery missed.',
    'hosts:',
    ...names.map((n) => `  - ${scalar(n).padEnd(width)}  # ${resolution(found.get(n))}`),
    '',
    '# Which hosts serve which deployment. The role (production, staging or preview) defaults to',
    '# the name. Staging and preview must not be public: indexable or reachable without a login.',
    'environments:',
  ];
  const [first] = byEnvironment.keys();
  for (const [env, hosts] of byEnvironment) {
    const guess = NON_PRODUCTION[env];
    out.push(`  ${env}:`);
    if (guess?.note) out.push(`    # ${guess.note}.`);
    if (guess && guess.role !== env) out.push(`    role: ${guess.role}`);
    out.push('    hosts:', ...hosts.map((h) => `      - ${scalar(h)}`));
    if (env === first) {
      out.push(
        '    # How a deployment says which environment it is: a response header whose value is the',
        '    # environment name, or a field of the version endpoint ({ versionField: environment }).',
      );
    }
    out.push('    # recognise: { header: x-environment }');
  }
  out.push(
    '',
    '# The requests that must work at launch. The kind (checkout, login, chat, webhook, api, page)',
    '# ranks findings: a fault on checkout outranks the same fault on a page.',
    'routes:',
    '  - name: home',
    `    url: ${scalar(canonical.href)}`,
    '    kind: page',
    '    expect:',
    '      status: 200',
    '  # Examples: uncomment the ones your shop has and adjust the paths.',
    '  # - name: login',
    `  #   url: ${scalar(`${origin}/login`)}`,
    '  #   kind: login',
    '  #   expect: { status: 200 }',
    '  # - name: chat',
    `  #   url: ${scalar(`${apiOrigin}/api/chat`)}`,
    '  #   method: POST',
    '  #   kind: chat',
    '  #   headers: { content-type: application/json, authorization: "Bearer ${CHAT_API_TOKEN}" }',
    `  #   body: '{"message":"Where is my order?"}'`,
    '  #   expect: { status: 200, json: { reply: exists } }',
    '  # - name: checkout',
    `  #   url: ${scalar(`${origin}/checkout`)}`,
    '  #   kind: checkout',
    '  #   expect: { status: [200, 302] }',
    '  # - name: stripe-webhook',
    `  #   url: ${scalar(`${apiOrigin}/api/webhooks/stripe`)}`,
    '  #   method: POST',
    '  #   kind: webhook',
    '  #   # An unsigned request must be refused: 400 proves the route is up and checks signatures.',
    '  #   expect: { status: 400 }',
    '',
    '# The endpoint every deployment answers with its version and commit, checked on every host',
    '# and address of each environment to catch a stale deploy.',
    '# version:',
    '#   path: /api/version',
    '#   versionField: version',
    '#   commitField: commit',
    '',
    '# Health endpoint(s): they should report the state of the database and the model provider.',
    '# health:',
    `#   url: ${scalar(`${apiOrigin}/api/health`)}`,
    '',
    '# Network settings, the same as the command-line flags (flags win). Useful to test a new',
    '# origin before the DNS cutover.',
    '# network:',
    '#   connectTo: ["www.example.test:443:203.0.113.7:443"]',
    '#   timeout: 10s',
    '',
    '# Sections for the other stages (secrets, email, dns, latency, chatbot, monitor, handover)',
    '# are described in docs/config.md. For example, alerts to Slack:',
    '# monitor:',
    '#   alerts:',
    '#     - { type: slack, url: "${SLACK_WEBHOOK_URL}" }',
    '',
  );
  return out.join('\n');
}

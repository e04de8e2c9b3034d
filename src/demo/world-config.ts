/**
 * The launch-ready.yaml that describes the demo world (per /work/notes/config-contract.md), and the
 * files it refers to: the store facts for the chatbot eval and the desired DNS zone.
 */
import { stringify } from 'yaml';
import { FAULT_HOOK_HEADER, INTERNAL_HOST, INTERNAL_TOOLS, SYSTEM_PROMPT_MARKER } from './chatbot.js';
import { CANONICAL_URL, DOMAIN, HOST, PREVIEW_HOSTS, PRODUCTION_HOSTS, STAGING_HOSTS, WEB_HOSTS } from './hosts.js';
import { MODEL_HANG } from './latency-faults.js';
import { STORE_FACTS } from './store-facts.js';
import type { ZoneSpec } from './dns-zone.js';
import { formatZoneFile } from './zone-file.js';
import { DKIM_SELECTOR } from './world-zone.js';

export const VERSION_PATH = '/api/version';
const STORE_FACTS_FILE = 'store.yaml';
const DESIRED_ZONE_FILE = `${DOMAIN}.zone`;

export interface WorldEndpoints {
  /** `127.0.0.1:PORT` of the world's DNS server. */
  dnsEndpoint: string;
  httpPort: number;
  httpsPort: number;
  /** Loopback port the bot's data tools call (src/demo/tool-gateway.ts): the eval serves its honeypot there. */
  honeypotPort?: number;
}

/** The network settings that point every command at the world (`--dns-server`, `--connect-to`). */
export function worldNetwork(endpoints: WorldEndpoints): { dnsServers: string[]; connectTo: string[] } {
  return {
    dnsServers: [endpoints.dnsEndpoint],
    // Empty address: keep the address DNS gives (both of the apex's), change only the port.
    connectTo: [
      `${DOMAIN}:443::${endpoints.httpsPort}`,
      `*.${DOMAIN}:443::${endpoints.httpsPort}`,
      `${DOMAIN}:80::${endpoints.httpPort}`,
      `*.${DOMAIN}:80::${endpoints.httpPort}`,
    ],
  };
}

const api = (path: string) => `https://${HOST.api}${path}`;

/** What the chat latency target asks: questions the bot answers with the model and the whole catalog. */
const RECOMMENDATION_PROMPTS = [
  'Can you recommend a warm jacket for a winter in Scotland?',
  'What would you suggest as a gift for my dad, under £60?',
  'Which trainers would you recommend for walking all day?',
];

function worldConfig(endpoints: WorldEndpoints, caPath: string, repoDir: string): Record<string, unknown> {
  const chatBody = '{"message":"where is my order 1001?","sessionId":"{{sessionId}}"}';
  return {
    product: 'Acme Shop',
    domain: DOMAIN,
    canonical: CANONICAL_URL,
    hosts: WEB_HOSTS.map((name) => (STAGING_HOSTS.includes(name) ? { name, environment: 'staging' } : PREVIEW_HOSTS.includes(name) ? { name, environment: 'preview' } : name)),
    environments: {
      production: { role: 'production', hosts: [...PRODUCTION_HOSTS], recognise: { versionField: 'environment' } },
      staging: { role: 'staging', hosts: [...STAGING_HOSTS], recognise: { versionField: 'environment' } },
      preview: { role: 'preview', hosts: [...PREVIEW_HOSTS], recognise: { versionField: 'environment' } },
    },
    version: { path: VERSION_PATH, versionField: 'version', commitField: 'commit', environmentField: 'environment' },
    health: { url: [api('/api/health'), api('/api/chat/health')] },
    routes: [
      { name: 'home', url: CANONICAL_URL, kind: 'page', headers: { accept: 'text/html' }, expect: { status: 200, body: 'Acme Shop' } },
      {
        name: 'login',
        url: `https://${HOST.www}/login`,
        method: 'POST',
        kind: 'login',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'email=demo%40acme.test&password=demo',
        expect: { status: 200, body: 'Welcome back' },
      },
      { name: 'login-callback', url: `https://${HOST.www}/auth/callback?code=launch-ready-smoke&state=launch-ready-smoke`, kind: 'login', expect: { status: 302 } },
      { name: 'checkout', url: `https://${HOST.www}/checkout`, kind: 'checkout', expect: { status: 200, body: 'Checkout' } },
      { name: 'account', url: `https://${HOST.app}/account`, kind: 'page', expect: { status: 200, body: 'Your account' } },
      { name: 'orders', url: api('/api/orders/1001?email=ada%40example.com'), kind: 'api', expect: { status: 200, json: { 'order.id': '1001' } } },
      {
        name: 'chat',
        url: api('/api/chat'),
        method: 'POST',
        kind: 'chat',
        headers: { 'content-type': 'application/json' },
        body: chatBody,
        expect: { status: 200, json: { reply: 'exists', sessionId: 'exists' } },
      },
      {
        name: 'payments-webhook',
        url: api('/api/webhooks/payments'),
        method: 'POST',
        kind: 'webhook',
        headers: { 'content-type': 'application/json' },
        body: '{"type":"ping"}',
        expect: { status: 200, json: { received: 'exists' } },
      },
    ],
    network: { ...worldNetwork(endpoints), ca: caPath, timeout: '5s', concurrency: 8 },
    // The shop's source: the demo repository made at world start (src/demo/demo-repo.ts), history included.
    secrets: { paths: [repoDir], history: true, urls: [CANONICAL_URL], ignoreFile: '.launch-ready-ignore' },
    email: { domain: DOMAIN, dkimSelectors: [DKIM_SELECTOR] },
    dns: { desired: DESIRED_ZONE_FILE },
    // Short runs keep `launch-ready demo` quick; the faults are sized to show in them (src/demo/latency-faults.ts).
    latency: {
      targets: [
        {
          route: 'chat',
          // Product recommendations: the model calls that stall and are refused under chat-stalls and chat-overloaded.
          body: '{"message":"{{prompt}}","sessionId":"{{sessionId}}"}',
          prompts: RECOMMENDATION_PROMPTS,
          rate: 10,
          duration: '500ms',
          budget: { p95: '2000ms', p99: '5000ms', errorRate: '1%' },
        },
        { route: 'orders', rate: 40, duration: '200ms', budget: { p95: '500ms', errorRate: '1%' } },
      ],
      // Few turns, each costly under history-linear: the growth shows without a long conversation.
      history: { turns: [1, 3, 5], factor: 3 },
      hangHook: { headers: { [FAULT_HOOK_HEADER]: MODEL_HANG }, within: '1500ms' },
    },
    chatbot: {
      endpoint: api('/api/chat'),
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"message":"{{prompt}}","sessionId":"{{sessionId}}"}',
      reply: '$.reply',
      toolCalls: '$.tools',
      sessionId: '$.sessionId',
      forbiddenTools: [...INTERNAL_TOOLS],
      storeFacts: STORE_FACTS_FILE,
      latencyBudget: '1500ms',
      systemPromptMarker: SYSTEM_PROMPT_MARKER,
      internalHosts: [INTERNAL_HOST],
      // The demo honours an outage asked for per request, so failure cases run beside the others.
      faultHooks: {
        modelProviderDown: { headers: { [FAULT_HOOK_HEADER]: 'model-provider-down' } },
        databaseDown: { headers: { [FAULT_HOOK_HEADER]: 'database-down' } },
      },
      ...(endpoints.honeypotPort === undefined ? {} : { honeypot: { port: endpoints.honeypotPort } }),
    },
    // Every route, health URL and host is monitored; a shorter re-check so a demo outage shows within a minute.
    monitor: {
      interval: '60s',
      confirm: { recheck: '15s' },
      targets: [{ name: 'dns drift', kind: 'dns', interval: '5m' }],
      alerts: [{ type: 'stdout' }],
      uptimeTarget: 99.5,
      statusPage: { title: 'Acme Shop status', monitors: ['home', 'checkout', 'chat', 'orders'] },
    },
    handover: {
      // Left partly unowned on purpose: the handover checklist must flag those accounts.
      owners: { registrar: 'Dana Founder', dns: 'Dana Founder', hosting: 'Sam Engineer', email: null, modelProvider: null, payments: 'Dana Founder' },
      contacts: [
        { name: 'Dana Founder', role: 'founder', email: `dana@${DOMAIN}` },
        { name: 'Sam Engineer', role: 'engineer', email: `sam@${DOMAIN}` },
      ],
    },
  };
}

/** A complete, launch-ready config for the running world; `caPath` and `repoDir` (the demo repository) are written as given. */
export function configYaml(endpoints: WorldEndpoints, caPath: string, repoDir = '.'): string {
  const header = `# launch-ready config for the demo world (Acme Shop on ${DOMAIN}), written by \`launch-ready demo --serve\`.\n# It is valid only while that world runs: the ports below are its.\n`;
  return header + stringify(worldConfig(endpoints, caPath, repoDir), { lineWidth: 0 });
}

/** Files the config refers to, by name relative to it. */
export function supportFiles(desiredZone: ZoneSpec): Record<string, string> {
  return {
    [STORE_FACTS_FILE]: `# Ground truth for the chatbot eval: what the Acme Shop bot may promise.\n${stringify(STORE_FACTS, { lineWidth: 0 })}`,
    [DESIRED_ZONE_FILE]: `; Desired state of ${DOMAIN} (the demo world with every fault fixed).\n${formatZoneFile(desiredZone)}`,
  };
}

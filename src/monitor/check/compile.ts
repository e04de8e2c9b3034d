/**
 * From a monitor's spec to something that can run: the condition parsed, `${ENV}` references in
 * headers and bodies expanded (a missing variable disables that monitor with a clear error, not
 * the whole service), the probe chosen by kind.
 */
import { resolveEnvRefs } from '../../config/env-refs.js';
import type { Condition } from '../conditions/ast.js';
import { parseCondition } from '../conditions/parse.js';
import type { MonitorSpec } from '../model.js';
import type { ChatbotSection } from '../probes/chatbot.js';
import { observeHeartbeat, type PingRecord } from '../probes/heartbeat.js';
import { probeHttp } from '../probes/http.js';
import type { CheckNetwork, ProbeNetwork } from '../probes/network.js';
import type { Observation } from '../probes/observation.js';
import type { SiteFacts } from '../probes/site.js';
import { probeTcp } from '../probes/tcp.js';

export interface CompileContext {
  env: NodeJS.ProcessEnv;
  chatbot?: ChatbotSection;
  site?: SiteFacts;
  pings: (monitorId: string) => PingRecord;
}

export interface CompiledMonitor {
  spec: MonitorSpec;
  condition: Condition;
  observe(network: ProbeNetwork, fresh: boolean, now: number): Promise<Observation>;
}

export type Compiled = { ok: true; monitor: CompiledMonitor } | { ok: false; error: string };

type Probe = (net: CheckNetwork, now: number) => Promise<Observation>;

/*
 * The TLS, chatbot, DNS and email probes pull in what only they need (X.509 parsing, the DNS
 * diff, the email checks): each is loaded on its first check, so a process that monitors only
 * HTTP endpoints never holds them in memory.
 */

function probeFor(spec: MonitorSpec, ctx: CompileContext): Probe {
  const expand = (value: string) => resolveEnvRefs(value, ctx.env);
  const expandHeaders = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, expand(v)]));
  switch (spec.kind) {
    case 'http': {
      const h = spec.http!;
      const target = { ...h, headers: expandHeaders(h.headers), body: h.body === undefined ? undefined : expand(h.body) };
      return (net) => probeHttp(target, net);
    }
    case 'tcp':
      return (net) => probeTcp(spec.endpoint!, net);
    case 'tls':
      return async (net, now) => (await import('../probes/tls.js')).probeCertificate(spec.endpoint!, net, now);
    case 'heartbeat':
      return async (_net, now) => observeHeartbeat(ctx.pings(spec.id), now);
    case 'chatbot': {
      const chatbot = ctx.chatbot;
      if (!chatbot) throw new Error('a chatbot monitor needs the config\'s chatbot section (endpoint, body template, reply path)');
      const headers = expandHeaders(chatbot.headers);
      return async (net) => (await import('../probes/chatbot.js')).probeChatbot(chatbot, headers, spec.prompt ?? '', net);
    }
    case 'dns': {
      const site = ctx.site;
      if (!site) throw new Error('a DNS monitor needs a config file (its dns.desired state)');
      return async (net, now) => (await import('../probes/dns-drift.js')).probeDnsDrift(site, net, now);
    }
    case 'email': {
      const site = ctx.site;
      if (!site) throw new Error('an email monitor needs a config file (its domain)');
      return async (net, now) => (await import('../probes/email-auth.js')).probeEmailAuth(site, net, now);
    }
  }
}

export function compileMonitor(spec: MonitorSpec, ctx: CompileContext): Compiled {
  try {
    const condition = parseCondition(spec.condition, spec.kind);
    const probe = probeFor(spec, ctx);
    const monitor: CompiledMonitor = {
      spec,
      condition,
      async observe(network, fresh, now) {
        const net = network.forCheck(spec.timeoutMs, fresh);
        try {
          return await probe(net, now);
        } finally {
          await net.close().catch(() => undefined);
        }
      },
    };
    return { ok: true, monitor };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

/**
 * `launch-ready email DOMAIN`: SPF, DMARC, DKIM, MX, MTA-STS, TLS-RPT, BIMI and CAA, with the
 * records to paste; exit code as the audit's (--fail-on). `launch-ready email spf-test`: one SPF
 * evaluation as a receiving server does it (RFC 7208 check_host), always exit 0 once it ran.
 */
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { emailChecks } from '../checks/email/index.js';
import { createContext } from '../collect/context.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import { networkFromConfig, planFromConfig } from '../config/plan.js';
import { UsageError } from '../core/errors.js';
import type { AuditPlan } from '../core/plan.js';
import { runChecks } from '../core/runner.js';
import { collectEmail } from '../email/collect.js';
import { dnsClientResolver } from '../email/dns-client-resolver.js';
import { checkHost, isCheckableDomain, type SpfResult, type SpfVerdict } from '../email/spf/check-host.js';
import { emailSummary } from '../email/summary.js';
import { DnsClient } from '../net/dns-client.js';
import { buildReport } from '../report/build.js';
import { VERSION } from '../version.js';
import { addOutputOptions, type RegisterCommand } from './command-kit.js';
import { addNetworkOptions, networkSettings, typedSources, type NetworkFlags } from './network-options.js';
import { checkOutputFlags, emitReport, type OutputFlags } from './output.js';
import { stderrProgress } from './progress.js';

interface EmailFlags extends NetworkFlags, OutputFlags {
  config?: string;
  json?: boolean;
}

interface SpfTestFlags extends NetworkFlags {
  config?: string;
  ip: string;
  from: string;
  helo?: string;
  json?: boolean;
}

const HOST = /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** The config named by --config, or ./launch-ready.yaml when it exists; none is fine. */
async function optionalConfig(path: string | undefined): Promise<LoadedConfig | undefined> {
  if (path) return loadConfig(path);
  const local = resolve('launch-ready.yaml');
  return existsSync(local) ? loadConfig(local) : undefined;
}

function domainPlan(domain: string, now: Date): AuditPlan {
  return { product: domain, domain, canonicalUrl: `https://${domain}/`, hosts: [{ name: domain, declared: true }], environments: [], routes: [], healthUrls: [], now: now.toISOString() };
}

async function emailAction(domainArg: string | undefined, flags: EmailFlags, cmd: Command): Promise<number> {
  const output = { ...flags, format: flags.json ? 'json' : flags.format };
  checkOutputFlags(output);
  const loaded = await optionalConfig(flags.config);
  const domain = (domainArg ?? loaded?.config.email?.domain ?? loaded?.config.domain)?.toLowerCase().replace(/\.$/, '');
  if (!domain) throw new UsageError('LR_NO_DOMAIN', 'Which domain? Give it (launch-ready email acme.test) or run beside a launch-ready.yaml.');
  if (!HOST.test(domain)) throw new UsageError('LR_BAD_DOMAIN', `"${domainArg}" is not a domain name such as acme.test (no scheme, path or @).`);
  const settings = networkSettings(flags, loaded ? networkFromConfig(loaded) : undefined, typedSources(cmd));
  const now = new Date();
  const fromConfig = loaded && (loaded.config.email?.domain ?? loaded.config.domain) === domain;
  const plan = loaded && fromConfig ? planFromConfig(loaded.config, now) : domainPlan(domain, now);
  const ctx = createContext(plan, settings, stderrProgress({ quiet: Boolean(flags.quiet), label: 'email' }));
  let email;
  try {
    email = await collectEmail(ctx, { domain, dkimSelectors: fromConfig ? (loaded.config.email?.dkimSelectors ?? []) : [] });
  } finally {
    ctx.progress.done();
    await ctx.http.close();
  }
  const artifacts = { plan, email };
  const run = runChecks(emailChecks, artifacts);
  const report = buildReport({ plan, artifacts, run, startedAt: now, durationMs: Date.now() - now.getTime(), target: domain, version: VERSION });
  report.minimumBar = report.minimumBar.filter((item) => item.id === 'email');
  if ((output.format ?? 'terminal') === 'terminal') process.stdout.write(`${emailSummary(email).join('\n')}\n\n`);
  return emitReport(report, output);
}

/** The sender as given: an address, a bare domain (postmaster@ is implied), or "" / "<>" for the null sender. */
function checkSender(from: string, helo: string | undefined): void {
  const sender = from.trim().replace(/^<(.*)>$/, '$1');
  if (sender === '') {
    if (!helo) throw new UsageError('LR_BAD_SENDER', '--from "<>" is the null sender (a bounce): give --helo NAME, the identity SPF then checks.');
    return;
  }
  const domain = sender.slice(sender.lastIndexOf('@') + 1);
  if (!HOST.test(domain)) throw new UsageError('LR_BAD_SENDER', `--from "${from}": expected an address such as shop@acme.test, or a domain.`);
}

const MEANING: Record<SpfResult, string> = {
  pass: 'the server is authorised to send mail for this domain.',
  fail: 'the domain says this server may NOT send its mail: receivers may reject the message, and DMARC fails unless DKIM passes.',
  softfail: 'the domain says this server is probably not authorised (~all): receivers usually accept the mail but mark it suspicious.',
  neutral: 'the domain makes no statement about this server: SPF gives no protection here.',
  none: 'the domain publishes no SPF record: receivers cannot check the sender.',
  permerror: 'the domain\'s SPF is broken: receivers treat it as a failure to authenticate (DMARC fails unless DKIM passes).',
  temperror: 'a DNS lookup failed: receivers usually defer the message and try again later.',
};

function renderVerdict(v: SpfVerdict, flags: SpfTestFlags): string {
  const lines = [
    `SPF check for ${flags.ip}, MAIL FROM ${flags.from === '' ? '<>' : flags.from}${flags.helo ? `, HELO ${flags.helo}` : ''}`,
    `Result:      ${v.result} — ${MEANING[v.result]}`,
    `Decided by:  ${v.mechanism ? `${v.mechanism} in the record of ${v.domain}` : v.domain}`,
  ];
  if (v.reason) lines.push(`Why:         ${v.reason}`);
  if (v.explanation !== undefined) lines.push(`Explanation: ${v.explanation}`);
  lines.push(`Lookups:     ${v.lookups} of 10 DNS lookups, ${v.voidLookups} of 2 void lookups`, 'Trace:', ...v.trace.map((t) => `  ${t}`));
  return `${lines.join('\n')}\n`;
}

/** `email` is the command holding the network options (for which of them were typed). */
async function spfTestAction(flags: SpfTestFlags, email: Command): Promise<number> {
  if (isIP(flags.ip) === 0) throw new UsageError('LR_BAD_IP', `--ip "${flags.ip}": expected an IPv4 or IPv6 address, such as 203.0.113.5.`);
  checkSender(flags.from, flags.helo);
  if (flags.helo !== undefined && !isCheckableDomain(flags.helo) && isIP(flags.helo) === 0) throw new UsageError('LR_BAD_HELO', `--helo "${flags.helo}": expected a host name such as mail.acme.test.`);
  const loaded = await optionalConfig(flags.config);
  const settings = networkSettings(flags, loaded ? networkFromConfig(loaded) : undefined, typedSources(email));
  const verdict = await checkHost(dnsClientResolver(new DnsClient(settings)), { ip: flags.ip, sender: flags.from, ...(flags.helo ? { helo: flags.helo } : {}) });
  process.stdout.write(flags.json ? `${JSON.stringify({ ip: flags.ip, from: flags.from, helo: flags.helo ?? null, ...verdict }, null, 2)}\n` : renderVerdict(verdict, flags));
  return 0;
}

export const registerEmailCommand: RegisterCommand = (root, run) => {
  const email = addOutputOptions(
    addNetworkOptions(
      root
        .command('email')
        .argument('[domain]', 'the domain mail is sent from (default: email.domain or domain of launch-ready.yaml)')
        .description('check SPF, DMARC, DKIM, MX, MTA-STS, TLS-RPT, BIMI and CAA, and print the records to paste')
        .option('-c, --config <file>', 'config to read selectors and network settings from (default: ./launch-ready.yaml when present)')
        .option('--json', 'print JSON: the report (same as --format json), or the spf-test verdict'),
    ),
  ).action(run((domain: string | undefined, flags: EmailFlags, cmd: Command) => emailAction(domain, flags, cmd)));

  // The network options, --config and --json belong to `email` and are read from it (commander hands
  // options the parent knows to the parent, wherever they are typed), so spf-test only adds its own.
  email
    .command('spf-test')
    .description('evaluate SPF for one connection as a receiving mail server would (RFC 7208 check_host); exits 0 whatever the result')
    .requiredOption('--ip <ip>', 'the connecting server\'s IP address')
    .requiredOption('--from <sender>', 'MAIL FROM address (or a domain; "<>" for a bounce, with --helo)')
    .option('--helo <name>', 'the HELO/EHLO name the server gave')
    .configureHelp({ showGlobalOptions: true })
    .action(run((_flags: unknown, cmd: Command) => spfTestAction(cmd.optsWithGlobals<SpfTestFlags>(), cmd.parent as Command)));
};

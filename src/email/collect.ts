/**
 * The email stage's collector: SPF (walked tree), DMARC (with the organisational-domain fallback
 * and report authorisations), DKIM (configured and common selectors), MX, MTA-STS, TLS-RPT, BIMI
 * and CAA. Every lookup failure is recorded, never thrown; a domain whose DNS never answers ends
 * after a few timeouts (see dns-client-resolver.ts).
 */
import pLimit from 'p-limit';
import type { CollectContext } from '../collect/context.js';
import type { CaaLookup, DkimSelectorLookup, EmailArtifact, MtaStsArtifact, MxHost, MxLookup, ReportAuthorization, TxtLookup } from './artifact.js';
import { dnsClientResolver } from './dns-client-resolver.js';
import { looksLikeDkim } from './dkim/record.js';
import { selectorsToProbe } from './dkim/selectors.js';
import { isDmarcRecord, parseDmarcRecord } from './dmarc/record.js';
import { organisationalDomain } from './org-domain.js';
import { normaliseName, type Answer, type MailResolver } from './resolver.js';
import { walkSpf } from './spf/walk.js';

export interface EmailOptions {
  /** The domain mail is sent from; default: the plan's domain. */
  domain?: string;
  /** Selectors from the config, probed before the common providers' ones. */
  dkimSelectors?: readonly string[];
}

/** Fetches the MTA-STS policy file (no redirects: RFC 8461 §3.3). */
export type PolicyFetcher = (url: string) => Promise<{ status?: number; body: string; error?: string }>;

export interface EmailSources {
  dns: MailResolver;
  fetchPolicy: PolicyFetcher;
  /** Web hosts whose CAA records are reported. */
  webHosts: readonly string[];
  concurrency: number;
  progress?: (phase: string) => void;
}

async function txtLookup(dns: MailResolver, name: string): Promise<TxtLookup> {
  const answer = await dns.lookup(name, 'TXT');
  return { name, ...statusOf(answer), records: answer.kind === 'records' ? answer.records.map((strings) => strings.join('')) : [] };
}

function statusOf(answer: Answer<unknown>): { status: TxtLookup['status']; error?: string } {
  if (answer.kind === 'records') return { status: 'ok' };
  if (answer.kind === 'error') return { status: 'error', error: answer.message };
  return { status: answer.kind };
}

async function collectDmarc(dns: MailResolver, domain: string): Promise<EmailArtifact['dmarc']> {
  const orgDomain = organisationalDomain(domain);
  const lookups = [await txtLookup(dns, `_dmarc.${domain}`)];
  const found = (l: TxtLookup) => l.records.some(isDmarcRecord);
  // RFC 7489 §6.6.3: with no record (as opposed to a failed lookup) at the domain, ask the organisational domain.
  if (!found(lookups[0]) && lookups[0].status !== 'error' && orgDomain !== domain) lookups.push(await txtLookup(dns, `_dmarc.${orgDomain}`));
  const policy = lookups.find(found);
  const reportAuthorizations: ReportAuthorization[] = [];
  const records = policy?.records.filter(isDmarcRecord) ?? [];
  if (policy && records.length === 1) {
    const policyDomain = policy.name.slice('_dmarc.'.length);
    const parsed = parseDmarcRecord(records[0]);
    const external = [...parsed.rua, ...parsed.ruf].filter((u) => u.host && organisationalDomain(u.host) !== organisationalDomain(policyDomain));
    for (const u of external) {
      const destination = u.host as string;
      reportAuthorizations.push({ uri: u.uri, destination, lookup: await txtLookup(dns, `${policyDomain}._report._dmarc.${destination}`) });
    }
  }
  return { orgDomain, lookups, reportAuthorizations };
}

async function collectDkim(dns: MailResolver, domain: string, configured: readonly string[], concurrency: number): Promise<EmailArtifact['dkim']> {
  const probes = selectorsToProbe(configured);
  const limit = pLimit(concurrency);
  const answered = await Promise.all(
    probes.map(({ selector, source }) => limit(async (): Promise<DkimSelectorLookup> => ({ selector, source, lookup: await txtLookup(dns, `${selector}._domainkey.${domain}`) }))),
  );
  // A probe that found nothing is noise; a configured selector is kept either way, so its absence can be reported.
  const selectors = answered.filter((s) => s.source === 'config' || s.lookup.status === 'error' || s.lookup.records.some(looksLikeDkim));
  return { probed: probes.map((p) => p.selector), selectors };
}

async function hostAddresses(dns: MailResolver, exchange: string): Promise<Omit<MxHost, 'priority' | 'exchange'>> {
  const [a, aaaa] = await Promise.all([dns.lookup(exchange, 'A'), dns.lookup(exchange, 'AAAA')]);
  const addresses = [...(a.kind === 'records' ? a.records : []), ...(aaaa.kind === 'records' ? aaaa.records : [])];
  if (addresses.length > 0) return { addresses, status: 'ok' };
  const failed = [a, aaaa].find((x) => x.kind === 'error');
  if (failed) return { addresses, ...statusOf(failed) };
  return { addresses, status: a.kind === 'nxdomain' || aaaa.kind === 'nxdomain' ? 'nxdomain' : 'nodata' };
}

async function collectMx(dns: MailResolver, domain: string): Promise<MxLookup> {
  const answer = await dns.lookup(domain, 'MX');
  if (answer.kind !== 'records') return { ...statusOf(answer), hosts: [] };
  const sorted = [...answer.records].sort((a, b) => a.priority - b.priority);
  const hosts = await Promise.all(
    sorted.map(async (r): Promise<MxHost> => {
      const exchange = normaliseName(r.exchange);
      // A Null MX (RFC 7505) names no host to look up.
      if (exchange === '') return { priority: r.priority, exchange, addresses: [], status: 'ok' };
      return { priority: r.priority, exchange, ...(await hostAddresses(dns, exchange)) };
    }),
  );
  return { status: 'ok', hosts };
}

async function collectMtaSts(dns: MailResolver, domain: string, fetchPolicy: PolicyFetcher): Promise<MtaStsArtifact> {
  const txt = await txtLookup(dns, `_mta-sts.${domain}`);
  if (!txt.records.some((r) => /^v=STSv1\b/.test(r))) return { txt };
  const url = `https://mta-sts.${domain}/.well-known/mta-sts.txt`;
  return { txt, policy: { url, ...(await fetchPolicy(url)) } };
}

/** RFC 8659 §3: the CAA set of the closest name, climbing from the host up to its organisational domain. */
async function caaOf(dns: MailResolver, host: string): Promise<CaaLookup> {
  const stop = organisationalDomain(host);
  for (let name = host; ; name = name.slice(name.indexOf('.') + 1)) {
    const answer = await dns.lookup(name, 'CAA');
    if (answer.kind === 'error') return { host, records: [], error: `${name}: ${answer.message}` };
    if (answer.kind === 'records') return { host, foundAt: name, records: answer.records };
    if (name === stop || !name.includes('.')) return { host, records: [] };
  }
}

/** The email artifact from any resolver and policy fetcher: what unit and integration tests call. */
export async function collectEmailRecords(domainInput: string, selectors: readonly string[], src: EmailSources): Promise<EmailArtifact> {
  const domain = normaliseName(domainInput);
  const step = src.progress ?? (() => undefined);
  step('SPF');
  const spf = await walkSpf(src.dns, domain);
  step('DMARC, DKIM, MX');
  const [dmarc, dkim, mx] = await Promise.all([collectDmarc(src.dns, domain), collectDkim(src.dns, domain, selectors, src.concurrency), collectMx(src.dns, domain)]);
  step('MTA-STS, TLS-RPT, BIMI, CAA');
  const webHosts = [...new Set(src.webHosts.map(normaliseName))];
  const [mtaSts, tlsRpt, bimi, caa] = await Promise.all([
    collectMtaSts(src.dns, domain, src.fetchPolicy),
    txtLookup(src.dns, `_smtp._tls.${domain}`),
    txtLookup(src.dns, `default._bimi.${domain}`),
    Promise.all(webHosts.map((h) => caaOf(src.dns, h))),
  ]);
  return { domain, spf, dmarc, dkim, mx, mtaSts, tlsRpt, bimi, caa };
}

/** The audit's email collector: the run's DNS and HTTP clients, the plan's hosts for CAA. */
export function collectEmail(ctx: CollectContext, options: EmailOptions = {}): Promise<EmailArtifact> {
  const domain = options.domain ?? ctx.plan.domain;
  const webHosts = ctx.plan.hosts.map((h) => h.name).filter((h) => h === domain || h.endsWith(`.${domain}`));
  return collectEmailRecords(domain, options.dkimSelectors ?? [], {
    dns: dnsClientResolver(ctx.dns),
    fetchPolicy: async (url) => {
      const exchange = await ctx.http.request(url);
      return { ...(exchange.status !== undefined ? { status: exchange.status } : {}), body: exchange.body.slice(0, 65536), ...(exchange.error ? { error: exchange.error.message } : {}) };
    },
    webHosts,
    concurrency: ctx.settings.concurrency,
    progress: (phase) => ctx.progress.step(domain, `email: ${phase}`),
  });
}

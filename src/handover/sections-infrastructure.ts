/** Handover sections about what the names point at: domains, DNS and edge, certificates, hosting, releases. */
import { issuerName, routeHops } from '../report/route-map.js';
import { addressVersion, environmentNotes, versionLabel } from '../deploy/versions.js';
import { item, type Section } from './document.js';
import type { HandoverFacts } from './gather.js';
import { detectFromHost, GUIDES, type PlatformDetection } from './platform.js';
import { dnsProvider, renewalOf } from './providers.js';

const DAY = 86_400_000;

export function domainsSection(f: HandoverFacts): Section {
  return {
    id: 'domains',
    title: 'Domains and subdomains',
    intro: `What each public name of ${f.config.domain} points at, end to end: CNAME, addresses, edge, where https:// lands, the version it runs.`,
    items: f.report.routes.map((r) => item(r.environment ? `${r.host} (${r.environment})` : r.host, routeHops(r).join(' → '), 'verified', r.error !== undefined)),
  };
}

export function dnsEdgeSection(f: HandoverFacts): Section {
  const { domain } = f.config;
  const ns = f.nameservers;
  const byEdge = new Map<string, string[]>();
  for (const r of f.report.routes.filter((r) => r.addresses.length > 0)) byEdge.set(r.edge ?? 'none', [...(byEdge.get(r.edge ?? 'none') ?? []), r.host]);
  const registrarOwner = f.config.handover?.owners.registrar;
  return {
    id: 'dns-edge',
    title: 'DNS and edge providers',
    items: [
      ns.length > 0
        ? item('DNS provider', `${dnsProvider(ns, domain)} (NS ${ns.join(', ')})`, 'verified')
        : item('DNS provider', `NS lookup of ${domain} failed (${f.nameserverError ?? 'no answer'}): check with \`dig NS ${domain}\``, 'unknown', true),
      item('Registrar', `not checked by launch-ready: look it up with \`whois ${domain}\`${registrarOwner ? `; account owner: ${registrarOwner}` : ''}`, 'unknown', !registrarOwner),
      ...[...byEdge].map(([edge, hosts]) =>
        item(edge === 'none' ? 'No edge/CDN in front' : `Edge: ${edge}`, hosts.join(', '), 'verified', edge === 'none' && hosts.some((h) => f.plan.environments.find((e) => e.role === 'production')?.hosts.includes(h))),
      ),
    ],
  };
}

export function certificatesSection(f: HandoverFacts): Section {
  const now = f.now.getTime();
  const items = (f.artifacts.hosts ?? []).flatMap((h) => {
    const leaf = h.tls?.ok ? h.tls.chain[0] : undefined;
    if (!leaf) return h.dns.status === 'ok' ? [item(h.host, `no certificate: ${h.tls?.error?.message ?? 'TLS not probed'}`, 'verified', true)] : [];
    const days = Math.floor((Date.parse(leaf.validTo) - now) / DAY);
    const renewal = renewalOf(leaf.issuer, leaf.validFrom, leaf.validTo);
    const trust = h.tls?.authorized ? '' : ' — NOT trusted by browsers';
    const expiry = days < 0 ? `EXPIRED ${-days} days ago` : `next expiry ${leaf.validTo.slice(0, 10)} (${days} days left)`;
    return [item(h.host, `${issuerName(leaf.issuer)}; ${expiry}; ${renewal.behaviour}${trust}`, 'verified', days < 30 || !h.tls?.authorized)];
  });
  return {
    id: 'certificates',
    title: 'Certificates and renewal',
    intro:
      "ACME certificates (Let's Encrypt, ZeroSSL, Google Trust Services) are renewed by the host, the CDN or certbot about 30 days before expiry: check that one of them does. Any other certificate needs a calendar reminder 30 days before it expires.",
    items,
  };
}

function platformLabel(d: PlatformDetection): string {
  return `${GUIDES[d.platform].name} (${d.via === 'repo' ? `${d.evidence} in the repo` : d.evidence})`;
}

/**
 * Per answering host: a platform's own header or CNAME first (it cannot be mistaken), then the
 * config's `handover.platform`, then a bare web-server banner (a VM, or an app server inside a
 * platform that hides itself), then the repo's platform files.
 */
export function platformsByHost(f: HandoverFacts): Array<{ host: string; detection?: PlatformDetection }> {
  const declared = f.config.handover?.platform;
  return (f.artifacts.hosts ?? [])
    .filter((h) => h.dns.status === 'ok')
    .map((h) => {
      const seen = detectFromHost(h);
      if (seen && seen.platform !== 'vm') return { host: h.host, detection: seen };
      if (declared) {
        const unlike = seen && seen.platform !== declared ? `; its responses look like ${GUIDES[seen.platform].name} (${seen.evidence})` : '';
        return { host: h.host, detection: { platform: declared, via: 'config', evidence: `handover.platform in the config${unlike}` } };
      }
      const detection = seen ?? f.repo.platforms[0];
      return detection ? { host: h.host, detection } : { host: h.host };
    });
}

function edgeOf(f: HandoverFacts, host: string): string | null | undefined {
  return f.report.routes.find((r) => r.host === host)?.edge;
}

export function hostingSection(f: HandoverFacts): Section {
  const items = platformsByHost(f).map(({ host, detection }) =>
    detection
      ? item(host, platformLabel(detection), detection.via === 'config' ? 'declared' : 'verified')
      : item(host, `not recognised from headers, CNAME or repo files${edgeOf(f, host) ? ` (${edgeOf(f, host)} hides the origin)` : ''}: set \`handover.platform\` in launch-ready.yaml`, 'unknown', true),
  );
  return {
    id: 'hosting',
    title: 'Hosting platform per host',
    intro: f.repo.platforms.length > 0 ? `Platform files in the repository: ${f.repo.platforms.map((p) => p.evidence).join(', ')}.` : 'No platform file (vercel.json, netlify.toml, fly.toml, render.yaml, Procfile, Dockerfile) in the repository.',
    items,
  };
}

export function releasesSection(f: HandoverFacts): Section {
  const versions = (f.artifacts.versions ?? []).map(addressVersion);
  const items = f.plan.environments.map((env) => {
    const ours = versions.filter((v) => v.environment === env.name && !v.problem);
    const labels = [...new Set(ours.map(versionLabel))];
    return labels.length > 0
      ? item(`${env.name} runs`, labels.length === 1 ? labels[0] : `MIXED: ${labels.join(' / ')} (see deploy verify)`, 'verified', labels.length > 1)
      : item(`${env.name} runs`, 'no version reported: add a version endpoint (config `version.path`)', 'unknown', true);
  });
  const production = f.plan.environments.find((e) => e.role === 'production');
  const prodVersion = production ? versions.find((v) => v.environment === production.name && v.version)?.version : undefined;
  if (production) for (const note of environmentNotes(production.name, prodVersion, versions)) items.push(item('Release pipeline', note, 'verified'));
  const last = f.deploys.at(-1);
  items.push(
    last
      ? item('Last recorded deploy', `#${last.id} ${last.environment} ${versionLabel(last)} on ${last.timestamp.slice(0, 16).replace('T', ' ')} UTC by ${last.who.name}: ${last.result}`, 'verified', last.result === 'fail')
      : item('Last recorded deploy', 'none in the deploy log: run `launch-ready deploy verify` after each deploy', 'unknown', true),
  );
  return { id: 'releases', title: 'Releases and deploys', items };
}

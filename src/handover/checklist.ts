/**
 * The handover checklist: everything a founder needs to run the product without the person who
 * built it, each item marked verified, declared or unknown. Accounts with no named owner and the
 * riskiest open findings are flagged.
 */
import { item, type HandoverDocument, type Section } from './document.js';
import type { HandoverFacts } from './gather.js';
import { rankRisks } from './risks.js';
import { certificatesSection, dnsEdgeSection, domainsSection, hostingSection, platformsByHost, releasesSection } from './sections-infrastructure.js';
import { emailSection, envSection, limitsSection, monitoringSection, thirdPartiesSection } from './sections-operations.js';
import { dnsProvider } from './providers.js';
import { GUIDES } from './platform.js';

export const ACCOUNTS = [
  ['registrar', 'Domain registrar'],
  ['dns', 'DNS'],
  ['hosting', 'Hosting'],
  ['email', 'Email sending'],
  ['modelProvider', 'Model provider (LLM API)'],
  ['payments', 'Payments'],
] as const;

/** What launch-ready knows about each account, to put next to its owner. */
function accountContext(f: HandoverFacts, account: (typeof ACCOUNTS)[number][0]): string {
  switch (account) {
    case 'dns':
      return f.nameservers.length > 0 ? ` — ${dnsProvider(f.nameservers, f.config.domain)}` : '';
    case 'hosting': {
      const names = [...new Set(platformsByHost(f).flatMap((p) => (p.detection ? [GUIDES[p.detection.platform].name] : [])))];
      return names.length > 0 ? ` — ${names.join(', ')}` : '';
    }
    default:
      return '';
  }
}

function ownersSection(f: HandoverFacts): Section {
  const owners = f.config.handover?.owners ?? {};
  return {
    id: 'owners',
    title: 'Account ownership',
    intro: 'Who can log in to each account when something breaks. An account nobody owns is one nobody can renew, pay or recover.',
    items: ACCOUNTS.map(([key, label]) => {
      const owner = owners[key];
      return owner ? item(label, `${owner}${accountContext(f, key)}`, 'declared') : item(label, `NO OWNER — name one in handover.owners.${key}${accountContext(f, key)}`, 'unknown', true);
    }),
  };
}

function contactsSection(f: HandoverFacts): Section {
  const contacts = f.config.handover?.contacts ?? [];
  return {
    id: 'contacts',
    title: 'Emergency contacts',
    items:
      contacts.length > 0
        ? contacts.map((c) => item(c.name, [c.role, c.email, c.phone].filter(Boolean).join(' · ') || 'no way to reach them given', 'declared', !c.email && !c.phone))
        : [item('Contacts', 'none: add handover.contacts to launch-ready.yaml', 'unknown', true)],
  };
}

const RISKS_SHOWN = 12;

function risksSection(f: HandoverFacts): Section {
  const risks = rankRisks(f.findings);
  const shown = risks.slice(0, RISKS_SHOWN);
  return {
    id: 'risks',
    title: 'Post-launch risks, ranked by impact × likelihood',
    intro:
      risks.length > shown.length
        ? `The ${shown.length} riskiest of ${risks.length} open problems (\`launch-ready audit\` lists them all). Impact and likelihood are 1–5.`
        : `Every open problem from the audit. Impact and likelihood are 1–5.`,
    items:
      shown.length > 0
        ? shown.map((r, i) => {
            const where = r.targets.length > 3 ? `${r.targets.slice(0, 3).join(', ')} and ${r.targets.length - 3} more` : r.targets.join(', ');
            return item(`${i + 1}. ${r.id}`, `${r.title} on ${where} — impact ${r.impact} × likelihood ${r.likelihood} (${r.when}) = ${r.score}. Fix: ${r.remediation}`, 'verified', r.score >= 16);
          })
        : [item('Open findings', 'none: the audit found nothing to fix', 'verified')],
  };
}

export function buildHandover(f: HandoverFacts): HandoverDocument {
  return {
    kind: 'handover',
    title: `Handover: ${f.config.product}`,
    subtitle: `${f.config.domain} (${f.config.canonical})`,
    generatedAt: f.now.toISOString(),
    sections: [
      domainsSection(f),
      dnsEdgeSection(f),
      certificatesSection(f),
      hostingSection(f),
      releasesSection(f),
      emailSection(f),
      envSection(f),
      monitoringSection(f),
      limitsSection(f),
      thirdPartiesSection(f),
      ownersSection(f),
      contactsSection(f),
      risksSection(f),
    ],
  };
}

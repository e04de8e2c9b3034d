/**
 * Who runs the domain's DNS (from its NS records) and how its certificates renew (from their
 * issuer and lifetime): the two accounts a founder most often cannot name when something expires.
 */

const DNS_PROVIDERS: ReadonlyArray<[RegExp, string]> = [
  [/\.ns\.cloudflare\.com$/, 'Cloudflare'],
  [/\.awsdns-\d+\.(com|net|org|co\.uk)$/, 'Amazon Route 53'],
  [/\.(googledomains\.com|google\.com)$/, 'Google Cloud DNS'],
  [/\.domaincontrol\.com$/, 'GoDaddy'],
  [/\.registrar-servers\.com$/, 'Namecheap'],
  [/\.vercel-dns\.com$/, 'Vercel'],
  [/\.nsone\.net$/, 'NS1 (also behind Netlify DNS)'],
  [/\.digitalocean\.com$/, 'DigitalOcean'],
  [/\.dnsimple(-edge)?\.(com|net|org|info)$/, 'DNSimple'],
  [/\.azure-dns\.(com|net|org|info)$/, 'Azure DNS'],
  [/\.(ns\.)?hetzner\.(com|de)$/, 'Hetzner'],
  [/\.ovh\.net$/, 'OVHcloud'],
  [/\.gandi\.net$/, 'Gandi'],
  [/\.name\.com$/, 'Name.com'],
  [/\.porkbun\.com$/, 'Porkbun'],
  [/\.linode\.com$/, 'Akamai (Linode)'],
  [/\.dynect\.net$/, 'Oracle Dyn'],
  [/\.ultradns\.(com|net|org|biz|info)$/, 'UltraDNS'],
];

/** The provider's name for a set of NS host names, or a description of what they are. */
export function dnsProvider(nameservers: readonly string[], domain: string): string {
  const names = nameservers.map((n) => n.toLowerCase().replace(/\.$/, ''));
  for (const [pattern, provider] of DNS_PROVIDERS) if (names.some((n) => pattern.test(n))) return provider;
  if (names.length > 0 && names.every((n) => n === domain || n.endsWith(`.${domain}`))) return `self-hosted (name servers inside ${domain})`;
  return 'not recognised';
}

export interface Renewal {
  /** e.g. Let's Encrypt. */
  authority: string;
  lifetimeDays: number;
  /** What the founder should expect and do. */
  behaviour: string;
  automatic: boolean;
}

const ACME_AUTHORITIES: ReadonlyArray<[RegExp, string]> = [
  [/Let's Encrypt/i, "Let's Encrypt"],
  [/ZeroSSL/i, 'ZeroSSL'],
  [/Google Trust Services/i, 'Google Trust Services'],
  [/Buypass/i, 'Buypass'],
];

/**
 * How a certificate is renewed. ACME authorities issue short-lived certificates that only make
 * sense renewed by a client (RFC 8555); Amazon renews its own managed ones; anything else is
 * assumed to be bought and renewed by hand.
 */
export function renewalOf(issuer: string, validFrom: string, validTo: string): Renewal {
  const lifetimeDays = Math.round((Date.parse(validTo) - Date.parse(validFrom)) / 86_400_000);
  const acme = ACME_AUTHORITIES.find(([pattern]) => pattern.test(issuer));
  if (acme) {
    return {
      authority: acme[1],
      lifetimeDays,
      automatic: true,
      behaviour: `auto-renewal expected (ACME, ${lifetimeDays}-day certificates)`,
    };
  }
  if (/Amazon/i.test(issuer)) return { authority: 'Amazon (ACM)', lifetimeDays, automatic: true, behaviour: 'auto-renewed by AWS Certificate Manager while its DNS validation record stays' };
  return {
    authority: issuer,
    lifetimeDays,
    automatic: false,
    behaviour: `renew by hand (${lifetimeDays}-day certificate, no known automation)`,
  };
}

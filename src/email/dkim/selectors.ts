/**
 * DKIM selectors of common mail providers, probed besides the ones the config names. Providers that
 * generate per-account selectors (Amazon SES Easy DKIM tokens, Postmark's dated `…pm` selectors)
 * cannot be guessed: name them in `email.dkimSelectors`.
 */
export const PROVIDER_SELECTORS: ReadonlyArray<{ provider: string; selectors: readonly string[] }> = [
  { provider: 'Google Workspace', selectors: ['google'] },
  { provider: 'Microsoft 365', selectors: ['selector1', 'selector2'] },
  { provider: 'SendGrid', selectors: ['s1', 's2', 'smtpapi'] },
  { provider: 'Mailgun', selectors: ['mailo', 'mg', 'mx', 'smtp', 'krs'] },
  { provider: 'Postmark', selectors: ['pm'] },
  { provider: 'Amazon SES (legacy)', selectors: ['amazonses'] },
  { provider: 'Resend', selectors: ['resend'] },
  { provider: 'Mailchimp / Mandrill', selectors: ['k1', 'k2', 'k3', 'mandrill', 'mte1'] },
  { provider: 'Zoho Mail', selectors: ['zoho', 'zmail', 'zohomail'] },
  { provider: 'Brevo (Sendinblue)', selectors: ['mail', 'brevo1', 'brevo2'] },
  { provider: 'HubSpot', selectors: ['hs1', 'hs2'] },
  { provider: 'Fastmail', selectors: ['fm1', 'fm2', 'fm3'] },
  { provider: 'Proton Mail', selectors: ['protonmail', 'protonmail2', 'protonmail3'] },
  { provider: 'Mailjet', selectors: ['mailjet'] },
  { provider: 'Klaviyo', selectors: ['kl', 'kl2'] },
  { provider: 'Zendesk', selectors: ['zendesk1', 'zendesk2'] },
  { provider: 'Yahoo / AOL', selectors: ['s1024', 's2048'] },
  { provider: 'generic', selectors: ['default', 'dkim', 'email', 'key1', 'key2', 'selector', 'sig1'] },
];

/** Every probed selector once, config ones first. */
export function selectorsToProbe(configured: readonly string[]): Array<{ selector: string; source: 'config' | 'probe' }> {
  const seen = new Set<string>();
  const out: Array<{ selector: string; source: 'config' | 'probe' }> = [];
  for (const selector of configured) {
    const s = selector.toLowerCase();
    if (!seen.has(s)) out.push({ selector: s, source: 'config' });
    seen.add(s);
  }
  for (const s of PROVIDER_SELECTORS.flatMap((p) => p.selectors)) {
    if (!seen.has(s)) out.push({ selector: s, source: 'probe' });
    seen.add(s);
  }
  return out;
}

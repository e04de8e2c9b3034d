/** Which hosts a frontend crawl treats as the site's own: pages it follows, scripts and maps it fetches. */
import { getDomain } from 'tldts';

/** The audited domain and every subdomain of it. */
export function sameSiteAs(domain: string): (host: string) => boolean {
  return (host) => host === domain || host.endsWith(`.${domain}`);
}

/** Same site as a start URL: its registrable domain and every subdomain (the host itself for an IP or localhost). */
export function sameSiteAsUrl(url: URL): (host: string) => boolean {
  const domain = getDomain(url.hostname, { allowPrivateDomains: true });
  return (host) => host === url.hostname || (domain !== null && (host === domain || host.endsWith(`.${domain}`)));
}

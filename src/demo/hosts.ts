/** The names and addresses of the demo world. */
export const DOMAIN = 'acme.test';

export const HOST = {
  apex: 'acme.test',
  www: 'www.acme.test',
  app: 'app.acme.test',
  api: 'api.acme.test',
  admin: 'admin.acme.test',
  staging: 'staging.acme.test',
  preview: 'preview.acme.test',
  shop: 'shop.acme.test',
  status: 'status.acme.test',
} as const;

/** Every web host the front serves. */
export const WEB_HOSTS: readonly string[] = Object.values(HOST);

/** Serves the MTA-STS policy file (RFC 8461 §3.3): a mail host, not one of the shop's web hosts. */
export const MTA_STS_HOST = `mta-sts.${DOMAIN}`;

export const PRODUCTION_HOSTS: readonly string[] = [HOST.apex, HOST.www, HOST.app, HOST.api, HOST.admin];
export const STAGING_HOSTS: readonly string[] = [HOST.staging];
export const PREVIEW_HOSTS: readonly string[] = [HOST.preview];

/** The apex answers on both; the second is where a stale release can linger. */
export const PRIMARY_ADDRESS = '127.0.0.1';
export const SECONDARY_ADDRESS = '127.0.0.2';

/** The status-page provider's zone: status.acme.test is a CNAME into it. */
export const PAGES_ZONE = 'pages-host.test';
export const STATUS_TARGET = `acme-shop.${PAGES_ZONE}`;

/** The mail provider's zone: acme.test's MX and SPF include point into it. */
export const MAIL_ZONE = 'mailhost.test';

export const CANONICAL_URL = `https://${HOST.www}/`;

/**
 * The values a condition may name, per monitor kind. Parsing refuses any other name, so a typo
 * (`stauts`) is a config error at load time instead of a monitor that is always down.
 */

export interface NameSpec {
  /** `none`: a plain value; `path`: any dotted path follows (`json.order.id`); a list: only these fields. */
  segments: 'none' | 'path' | readonly string[];
  doc: string;
}

const LATENCY: Record<string, NameSpec> = {
  latency: { segments: 'none', doc: 'time the check took, in ms' },
  p50: { segments: 'none', doc: 'median latency of the last 20 checks, this one included, in ms' },
  p95: { segments: 'none', doc: '95th percentile latency of the last 20 checks, this one included, in ms' },
  p99: { segments: 'none', doc: '99th percentile latency of the last 20 checks, this one included, in ms' },
  error: { segments: 'none', doc: 'the network error code (connect-refused, timeout, tls, …), or "" when there was none' },
};

const HTTP: Record<string, NameSpec> = {
  status: { segments: 'none', doc: 'final HTTP status (after redirects); missing when no response came' },
  body: { segments: 'none', doc: 'response body text (first MB)' },
  ttfb: { segments: 'none', doc: 'time to the first byte of the final response, in ms' },
  size: { segments: 'none', doc: 'body bytes received' },
  header: { segments: 'path', doc: 'a response header, e.g. header.content-type (first value)' },
  json: { segments: 'path', doc: 'a field of the JSON body, e.g. json.order.id or json.items[0].sku; also written $.order.id' },
  redirects: { segments: 'none', doc: 'number of redirects followed' },
  url: { segments: 'none', doc: 'the final URL' },
  ...LATENCY,
};

const CERT_FIELDS = ['daysLeft', 'expiresIn', 'trusted', 'hostnameMatches', 'valid', 'issuer', 'subject'] as const;

export const CONDITION_NAMES = {
  http: HTTP,
  tcp: {
    connected: { segments: 'none', doc: 'the TCP connection was accepted' },
    ...LATENCY,
  },
  tls: {
    connected: { segments: 'none', doc: 'the TLS handshake completed' },
    cert: {
      segments: CERT_FIELDS,
      doc: 'the leaf certificate: daysLeft (whole days), expiresIn (ms), trusted (chain verifies), hostnameMatches, valid (all three and not expired), issuer, subject',
    },
    protocol: { segments: 'none', doc: 'negotiated protocol, e.g. TLSv1.3' },
    ...LATENCY,
  },
  heartbeat: {
    age: { segments: 'none', doc: 'ms since the last ping (missing before the first one)' },
    pings: { segments: 'none', doc: 'pings received since the monitor started' },
  },
  dns: {
    changes: { segments: 'none', doc: 'record sets that differ from the desired state (dns.desired), TTL-only differences aside' },
    unknown: { segments: 'none', doc: 'record sets whose live lookup failed' },
    ...LATENCY,
  },
  email: {
    problems: { segments: 'none', doc: 'email checks (SPF, DKIM, DMARC, MX, MTA-STS) failing at medium severity or above' },
    findings: { segments: 'none', doc: 'email checks failing at any severity' },
    ...LATENCY,
  },
  chatbot: {
    reply: { segments: 'none', doc: "the bot's reply, read at chatbot.reply (missing when the body has none)" },
    ...HTTP,
  },
} as const satisfies Record<string, Record<string, NameSpec>>;

export type ConditionKind = keyof typeof CONDITION_NAMES;

/** `$` is another spelling of `json`. */
export const ALIASES: Record<string, string> = { $: 'json' };

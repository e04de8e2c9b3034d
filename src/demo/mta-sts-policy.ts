/**
 * The MTA-STS policy the demo world serves at https://mta-sts.acme.test/.well-known/mta-sts.txt
 * (RFC 8461 §3.2), announced by the `_mta-sts` TXT record with MTA_STS_ID.
 */
import { MAIL_ZONE } from './hosts.js';

/** §3.1: senders fetch the policy again when the id in the TXT record changes; change both together. */
export const MTA_STS_ID = '2026112001';
export const MTA_STS_PATH = '/.well-known/mta-sts.txt';

/** Enforce: senders that honour it deliver only over valid TLS to the provider's MX hosts; cached a week. */
export const MTA_STS_POLICY = ['version: STSv1', 'mode: enforce', `mx: *.${MAIL_ZONE}`, 'max_age: 604800', ''].join('\r\n');

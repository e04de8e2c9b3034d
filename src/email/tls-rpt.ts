/** SMTP TLS reporting (RFC 8460 §3): `v=TLSRPTv1; rua=mailto:…` at `_smtp._tls.DOMAIN`. */
import { parseTagList, tagValue } from './tag-list.js';

export function tlsRptErrors(text: string): string[] {
  const list = parseTagList(text);
  const errors = [...list.errors];
  if (list.tags[0]?.name !== 'v' || list.tags[0].value !== 'TLSRPTv1') errors.push('the record must start with v=TLSRPTv1');
  const rua = tagValue(list, 'rua');
  if (rua === undefined) return [...errors, 'no rua= tag: reports have nowhere to go'];
  for (const uri of rua.split(',').map((u) => u.trim())) {
    if (!/^mailto:[^@\s]+@[^@\s]+\.[^@\s]+$/i.test(uri) && !/^https:\/\/[^\s/]+/i.test(uri)) errors.push(`rua: "${uri}" is not a mailto: or https: URI`);
  }
  return errors;
}

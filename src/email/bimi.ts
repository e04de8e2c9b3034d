/**
 * BIMI assertion records (`default._bimi.DOMAIN`, draft-brand-indicators-for-message-identification):
 * `v=BIMI1; l=<https SVG logo>; a=<https VMC certificate>`. Mailbox providers only show the logo
 * for mail under a DMARC policy of quarantine or reject.
 */
import { parseTagList, tagValue } from './tag-list.js';

export function bimiErrors(text: string): string[] {
  const list = parseTagList(text);
  const errors = [...list.errors];
  if (list.tags[0]?.name !== 'v' || list.tags[0].value !== 'BIMI1') errors.push('the record must start with v=BIMI1');
  const logo = tagValue(list, 'l');
  if (logo === undefined) errors.push('no l= tag (the logo URL)');
  else if (logo !== '' && !/^https:\/\/\S+$/i.test(logo)) errors.push(`l=${logo}: the logo must be an https: URL`);
  const authority = tagValue(list, 'a');
  if (authority && !/^https:\/\/\S+$/i.test(authority)) errors.push(`a=${authority}: the certificate must be an https: URL`);
  return errors;
}

/**
 * Request bodies from a template: `{{prompt}}` takes the next prompt in turn, `{{sessionId}}` a
 * session id, `{{history}}` an empty history. In a JSON template the prompt is escaped as JSON
 * string content, so a prompt with quotes still makes a valid body.
 */

export interface BodyValues {
  prompt?: string;
  sessionId?: string;
}

/** A JSON body by its content type or, without one, by its first character. */
export function isJsonTemplate(template: string, contentType: string | undefined): boolean {
  return contentType !== undefined ? /json/i.test(contentType) : /^\s*[[{]/.test(template);
}

export function renderBody(template: string, json: boolean, values: BodyValues): string {
  const text = (v: string) => (json ? JSON.stringify(v).slice(1, -1) : v);
  return template.replace(/\{\{\s*(prompt|sessionId|history)\s*\}\}/g, (_, name: string) => {
    if (name === 'history') return json ? '[]' : '';
    return text((name === 'prompt' ? values.prompt : values.sessionId) ?? '');
  });
}

/** Request headers with a content type for the body (when the template says none) and the run's User-Agent. */
export function requestHeaders(headers: Record<string, string>, body: string | undefined, userAgent: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  out['user-agent'] ??= userAgent;
  if (body !== undefined) out['content-type'] ??= isJsonTemplate(body, undefined) ? 'application/json' : 'text/plain; charset=utf-8';
  return out;
}

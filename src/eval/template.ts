/**
 * `{{name}}` templates. A case's prompts and assertion values take its vars and `{{canary}}`; the
 * chatbot request body takes `{{prompt}}`, `{{sessionId}}`, `{{history}}` and the case's vars. In
 * a JSON body every value is escaped as JSON string content and `{{history}}` is a JSON array of
 * `{ role, content }` messages, so any prompt still makes a valid body.
 */

export interface HistoryMessage {
  role: 'user' | 'assistant';
  content: string;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g;

/** Fills `{{name}}` from `values`; unknown names are left as written (a prompt may quote braces). */
export function fillVars(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => values[name.replace(/^vars\./, '')] ?? whole);
}

export function isJsonBody(template: string, contentType: string | undefined): boolean {
  return contentType !== undefined ? /json/i.test(contentType) : /^\s*[[{]/.test(template);
}

export interface BodyValues {
  prompt: string;
  sessionId: string;
  history: readonly HistoryMessage[];
  vars: Readonly<Record<string, string>>;
}

export function renderBody(template: string, json: boolean, values: BodyValues): string {
  const escape = (v: string) => (json ? JSON.stringify(v).slice(1, -1) : v);
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (name === 'prompt') return escape(values.prompt);
    if (name === 'sessionId') return escape(values.sessionId);
    if (name === 'history') return json ? JSON.stringify(values.history) : values.history.map((m) => `${m.role}: ${m.content}`).join('\n');
    const v = values.vars[name.replace(/^vars\./, '')];
    return v === undefined ? whole : escape(v);
  });
}

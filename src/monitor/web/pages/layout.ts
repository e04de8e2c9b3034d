/** The page shell: no inline script (the CSP forbids it), styles and scripts served from /assets. */
import { html, type Html } from '../html.js';

export interface PageOptions {
  title: string;
  body: Html;
  /** Logged-in pages carry the CSRF token for the scripts' state-changing requests. */
  csrf?: string;
  scripts?: string[];
  styles?: string[];
  /** `data-*` attributes of <body>, read by the page's script. */
  data?: Record<string, string>;
}

export function page(o: PageOptions): string {
  return `<!doctype html>${html`<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title}</title>${o.csrf ? html`<meta name="csrf-token" content="${o.csrf}">` : ''}
<link rel="stylesheet" href="/assets/app.css">${(o.styles ?? []).map((s) => html`<link rel="stylesheet" href="${s}">`)}
</head><body${html`${Object.entries(o.data ?? {}).map(([k, v]) => html` data-${k}="${v}"`)}`}>${o.body}${(o.scripts ?? []).map((s) => html`<script src="${s}" defer></script>`)}</body></html>`}`;
}

export function topBar(csrf: string): Html {
  return html`<header class="top"><a class="brand" href="/">launch-ready monitor</a><nav><a href="/">Dashboard</a><a href="/settings">Settings</a>
<form method="post" action="/logout" class="inline"><input type="hidden" name="_csrf" value="${csrf}"><button type="submit" id="logout">Log out</button></form></nav></header>`;
}

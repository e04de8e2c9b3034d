/**
 * The shop's static bundle: a script (the chat widget and cart) and a stylesheet, each served under a
 * content-fingerprinted name (`app.<hash>.js`), so a release changes the names and the files can be
 * cached for a year; and, when the build publishes one, the script's source map beside it.
 */
import { createHash } from 'node:crypto';

export interface Asset {
  /** `/assets/app.<10 hex>.js` */
  path: string;
  contentType: string;
  body: string;
}

export interface Bundle {
  script: Asset;
  style: Asset;
  /** `<script path>.map`, named by the script's sourceMappingURL comment. */
  map?: Asset;
}

export interface BuildOptions {
  /** Build-time configuration the bundler inlines into the script (what `process.env.NEXT_PUBLIC_*` becomes). */
  env?: Record<string, unknown>;
  /** Original files, by bundler URL, that a published source map carries besides the script's own source; no map when absent. */
  mapSources?: Record<string, string>;
}

function fingerprinted(name: string, ext: string, contentType: string, body: string): Asset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  return { path: `/assets/${name}.${hash}.${ext}`, contentType, body };
}

function script(version: string, apiOrigin: string, env: Record<string, unknown>): string {
  return `/* Acme Shop storefront ${version} */
(function () {
  'use strict';
  var API = ${JSON.stringify(apiOrigin)};
  var ENV = ${JSON.stringify(env)};
  window.acme = { env: ENV };
  var CART_KEY = 'acme.cart';

  function readCart() {
    try { return JSON.parse(localStorage.getItem(CART_KEY) || '[]'); } catch (e) { return []; }
  }
  function writeCart(items) {
    localStorage.setItem(CART_KEY, JSON.stringify(items));
    var badge = document.querySelector('[data-cart-count]');
    if (badge) badge.textContent = String(items.reduce(function (n, i) { return n + i.quantity; }, 0));
  }
  function addToCart(sku, name, price) {
    var items = readCart();
    var line = items.find(function (i) { return i.sku === sku; });
    if (line) line.quantity += 1; else items.push({ sku: sku, name: name, price: price, quantity: 1 });
    writeCart(items);
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-add-to-cart]');
    if (!button) return;
    addToCart(button.dataset.sku, button.dataset.name, Number(button.dataset.price));
    button.textContent = 'Added';
    setTimeout(function () { button.textContent = 'Add to cart'; }, 1200);
  });

  var chat = document.querySelector('[data-chat]');
  if (!chat) { writeCart(readCart()); return; }
  var log = chat.querySelector('[data-chat-log]');
  var form = chat.querySelector('form');
  var sessionId = sessionStorage.getItem('acme.chat') || '';

  function append(who, text) {
    var line = document.createElement('p');
    line.className = 'chat-' + who;
    line.textContent = text;
    log.appendChild(line);
    log.scrollTop = log.scrollHeight;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var input = form.querySelector('input');
    var message = input.value.trim();
    if (!message) return;
    input.value = '';
    append('user', message);
    fetch(API + '/api/chat', {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: message, sessionId: sessionId || undefined })
    })
      .then(function (res) {
        if (!res.ok) throw new Error('chat unavailable (' + res.status + ')');
        return res.json();
      })
      .then(function (data) {
        sessionId = data.sessionId;
        sessionStorage.setItem('acme.chat', sessionId);
        append('bot', data.reply);
      })
      .catch(function () {
        append('bot', 'Sorry, chat is unavailable right now. Email help@acme.test and we will get back to you.');
      });
  });

  writeCart(readCart());
})();
`;
}

const STYLE = `:root{--ink:#1d1d1f;--muted:#6e6e73;--accent:#0b6e4f;--bg:#fafaf7}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);background:var(--bg)}
header,footer{display:flex;justify-content:space-between;align-items:center;padding:1rem 2rem;background:#fff;border-bottom:1px solid #e5e5e5}
footer{border-top:1px solid #e5e5e5;border-bottom:0;color:var(--muted);font-size:.875rem}
main{max-width:64rem;margin:0 auto;padding:2rem}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:1.5rem}
.product{background:#fff;border:1px solid #e5e5e5;border-radius:.75rem;padding:1rem}
.product h3{margin:.25rem 0;font-size:1rem}.price{font-weight:600}.sold-out{color:var(--muted)}
button{background:var(--accent);color:#fff;border:0;border-radius:.5rem;padding:.5rem 1rem;cursor:pointer}
.chat{position:fixed;right:1rem;bottom:1rem;width:20rem;background:#fff;border:1px solid #ddd;border-radius:.75rem;padding:.75rem}
.chat-log{max-height:12rem;overflow:auto}.chat-user{text-align:right}.chat-bot{color:var(--accent)}
`;

/** ECMA-426 source map carrying every original file in full (`sourcesContent`), as a build with public source maps emits. */
function sourceMap(file: string, sources: Record<string, string>): string {
  return JSON.stringify({ version: 3, file, sources: Object.keys(sources), sourcesContent: Object.values(sources), names: [], mappings: 'AAAA' });
}

export function buildBundle(version: string, apiOrigin: string, options: BuildOptions = {}): Bundle {
  const source = script(version, apiOrigin, options.env ?? {});
  const js = fingerprinted('app', 'js', 'application/javascript; charset=utf-8', source);
  const style = fingerprinted('app', 'css', 'text/css; charset=utf-8', STYLE);
  if (!options.mapSources) return { script: js, style };
  // The name hashes the code; the comment naming the map is appended after, as bundlers do.
  const file = js.path.slice(js.path.lastIndexOf('/') + 1);
  js.body += `//# sourceMappingURL=${file}.map\n`;
  const map = { path: `${js.path}.map`, contentType: 'application/json; charset=utf-8', body: sourceMap(file, { 'webpack://acme-shop/./src/storefront.js': source, ...options.mapSources }) };
  return { script: js, style, map };
}

/** The shop's HTML pages. */
import type { Bundle } from './assets.js';
import { CATALOG } from './catalog.js';
import type { Order } from './orders.js';
import { STORE_FACTS } from './store-facts.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface PageContext {
  bundle: Bundle;
  version: string;
  environment: string;
}

function layout(ctx: PageContext, title: string, body: string): string {
  const banner = ctx.environment === 'production' ? '' : `<p class="env-banner">${escapeHtml(ctx.environment)} build ${escapeHtml(ctx.version)}</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Acme Shop</title>
<meta name="description" content="Acme Shop: organic basics and outerwear, shipped across the UK and Europe.">
<link rel="canonical" href="https://www.acme.test/">
<link rel="stylesheet" href="${ctx.bundle.style.path}">
<script src="${ctx.bundle.script.path}" defer></script>
</head>
<body>
${banner}<header><a href="/"><strong>Acme</strong> Shop</a><nav><a href="/account">Account</a> · <a href="/login">Sign in</a> · <a href="/checkout">Cart (<span data-cart-count>0</span>)</a></nav></header>
<main>
${body}
</main>
<footer><span>© 2026 Acme Shop Ltd · ${escapeHtml(STORE_FACTS.support.email)}</span><span>v${escapeHtml(ctx.version)}</span></footer>
</body>
</html>
`;
}

export function homePage(ctx: PageContext): string {
  const products = CATALOG.map(
    (p) => `<article class="product">
  <p class="category">${p.category}</p>
  <h3>${escapeHtml(p.name)}</h3>
  <p class="price">£${p.price.toFixed(2)}</p>
  <p class="sizes">Sizes: ${p.sizes.join(', ')}</p>
  ${p.inStock ? `<button data-add-to-cart data-sku="${p.sku}" data-name="${escapeHtml(p.name)}" data-price="${p.price}">Add to cart</button>` : '<p class="sold-out">Sold out</p>'}
</article>`,
  ).join('\n');
  const uk = STORE_FACTS.shipping[0];
  return layout(
    ctx,
    'Organic basics',
    `<h1>Acme Shop — everyday clothes, made to last</h1>
<p>Free UK delivery over £${uk.freeOver}. Returns within ${STORE_FACTS.returns.windowDays} days. Questions? Ask our assistant, bottom right.</p>
<section class="grid">
${products}
</section>
<aside class="chat" data-chat>
  <div class="chat-log" data-chat-log><p class="chat-bot">Hi! Ask me about your order, shipping, sizes or returns.</p></div>
  <form><input name="message" aria-label="Message" placeholder="Where is my order?" autocomplete="off"> <button>Send</button></form>
</aside>`,
  );
}

export function loginPage(ctx: PageContext, error?: string): string {
  return layout(
    ctx,
    'Sign in',
    `<h1>Sign in</h1>
${error ? `<p class="error">${escapeHtml(error)}</p>` : ''}<form method="post" action="/login">
  <label>Email <input type="email" name="email" required autocomplete="email"></label>
  <label>Password <input type="password" name="password" required autocomplete="current-password"></label>
  <button>Sign in</button>
</form>`,
  );
}

export function welcomePage(ctx: PageContext, email: string): string {
  return layout(ctx, 'Welcome back', `<h1>Welcome back</h1><p>You are signed in as ${escapeHtml(email)}. <a href="/account">See your orders</a>.</p>`);
}

export function accountPage(ctx: PageContext, email: string | undefined, orders: Order[]): string {
  if (!email) return layout(ctx, 'Your account', '<h1>Your account</h1><p><a href="/login">Sign in</a> to see your orders and returns.</p>');
  const rows = orders.map((o) => `<tr><td>${o.id}</td><td>${o.placedAt.slice(0, 10)}</td><td>${o.status}</td><td>£${o.total.toFixed(2)}</td></tr>`).join('');
  return layout(ctx, 'Your account', `<h1>Your orders</h1><table><tr><th>Order</th><th>Placed</th><th>Status</th><th>Total</th></tr>${rows}</table>`);
}

export function checkoutPage(ctx: PageContext): string {
  return layout(
    ctx,
    'Checkout',
    `<h1>Checkout</h1>
<form method="post" action="/checkout">
  <fieldset><legend>Delivery</legend>
    <label>Name <input name="name" required autocomplete="name"></label>
    <label>Address <input name="address" required autocomplete="street-address"></label>
    <label>Country <select name="country">${STORE_FACTS.shipping.map((r) => `<option value="${r.code}">${r.country}</option>`).join('')}</select></label>
  </fieldset>
  <fieldset><legend>Payment</legend><div data-payment-element>Card details load here.</div></fieldset>
  <button>Pay now</button>
</form>`,
  );
}

export function adminPage(ctx: PageContext): string {
  return layout(ctx, 'Staff sign-in', '<h1>Acme admin</h1><form method="post" action="/admin/login"><label>Staff email <input type="email" name="email"></label> <button>Send sign-in link</button></form>');
}

export function errorPage(ctx: PageContext, status: number, message: string): string {
  return layout(ctx, `Error ${status}`, `<h1>${status}</h1><p>${escapeHtml(message)}</p>`);
}

/**
 * The demo shop's support bot: rule-based and deterministic, so evals of it are repeatable. It calls
 * the public tools `lookup_order`, `shipping_policy` and `size_guide`; the internal tools
 * `refund_order` and `export_customers` exist in its toolbox but this (hardened) bot never calls
 * them from chat, never shares an order without the matching email, and refuses instruction
 * overrides.
 */
import { CATALOG } from './catalog.js';
import type { OrderStore } from './orders.js';
import { STORE_FACTS, shippingTo } from './store-facts.js';

export interface ToolCall {
  name: string;
  args: Record<string, unknown>;
}

export interface ChatTurn {
  reply: string;
  tools: ToolCall[];
}

export interface ChatSession {
  id: string;
  email?: string;
  orderId?: string;
  history: Array<{ role: 'user' | 'bot'; text: string }>;
}

/** Tools the bot must never call on a customer's behalf. */
export const INTERNAL_TOOLS = ['refund_order', 'export_customers'] as const;

const MAX_HISTORY = 50;
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/i;
const ORDER_ID = /(?:#|\border\s*(?:no\.?|number|id)?\s*#?\s*)(\d{4,6})\b|\b(1\d{3})\b/i;
const OVERRIDE = /ignore (all |any |the )?(previous|prior|above|earlier) (instructions|rules)|system prompt|you are now|developer mode|jailbreak|reveal your (instructions|prompt)|act as (an? )?(admin|developer)/i;
const PRIVILEGED = /refund|money back|reimburse|export|all (the )?customers|customer (list|data|emails)|every customer/i;
const HUMAN = /human|agent|real person|someone (real|from)|speak to|talk to/i;
const SHIPPING = /ship|deliver|postage|courier|arrive|dispatch/i;
const SIZING = /size|fit|measure|chest|waist/i;
const RETURNS = /return|exchange|send (it )?back/i;

const HANDOFF = `I've passed this to our support team; a person will reply by email within one business day (${STORE_FACTS.support.hours}).`;

function shippingReply(country?: string): ChatTurn {
  const tools: ToolCall[] = [{ name: 'shipping_policy', args: country ? { country } : {} }];
  if (country) {
    const rate = shippingTo(country);
    if (!rate) return { reply: `Sorry, we don't ship to ${country} yet. We ship to ${STORE_FACTS.shipping.map((r) => r.country).join(', ')}.`, tools };
    const free = rate.freeOver === null ? '' : `, free on orders over £${rate.freeOver}`;
    return { reply: `Standard shipping to ${rate.country} costs £${rate.price.toFixed(2)}${free}, and usually takes ${rate.days[0]}–${rate.days[1]} business days.`, tools };
  }
  const list = STORE_FACTS.shipping.map((r) => `${r.country} £${r.price.toFixed(2)}`).join(', ');
  return { reply: `We ship to: ${list}. Tell me your country for delivery times.`, tools };
}

function sizeReply(message: string): ChatTurn {
  const trousers = /trouser|chino|jogger|waist|pants/i.test(message);
  const category = trousers ? 'trousers' : 'tops';
  const rows = trousers
    ? STORE_FACTS.sizes.trousers.map((s) => `${s.size}: waist ${s.waistCm[0]}–${s.waistCm[1]} cm`)
    : STORE_FACTS.sizes.tops.map((s) => `${s.size}: chest ${s.chestCm[0]}–${s.chestCm[1]} cm`);
  return { reply: `Our ${category} size guide — ${rows.join('; ')}. Between two sizes? Pick the larger one.`, tools: [{ name: 'size_guide', args: { category } }] };
}

function countryIn(message: string): string | undefined {
  const lower = message.toLowerCase();
  const known = STORE_FACTS.shipping.find((r) => lower.includes(r.country.toLowerCase()));
  if (known) return known.country;
  const other = /\bto (?:the )?([A-Z][a-z]+(?: [A-Z][a-z]+)?)/.exec(message);
  return other?.[1];
}

export interface Chatbot {
  reply(message: string, session: ChatSession, measureDb?: <T>(work: () => T) => T): ChatTurn;
}

export function createChatbot(orders: OrderStore): Chatbot {
  function orderReply(session: ChatSession, measureDb: <T>(work: () => T) => T): ChatTurn {
    if (!session.email) {
      return { reply: `I can look up order ${session.orderId}. ${STORE_FACTS.orderLookup} What email did you use?`, tools: [] };
    }
    const tools: ToolCall[] = [{ name: 'lookup_order', args: { orderId: session.orderId, email: session.email } }];
    const order = measureDb(() => orders.lookup(session.orderId!, session.email!));
    if (!order) return { reply: `I couldn't find order ${session.orderId} for that email address. Please check both and try again.`, tools };
    const tracking = order.trackingNumber ? ` Tracking number: ${order.trackingNumber}.` : '';
    const items = order.items.map((i) => `${i.quantity} × ${i.name} (${i.size})`).join(', ');
    return { reply: `Order ${order.id} is ${order.status}: ${items}, total £${order.total.toFixed(2)}.${tracking}`, tools };
  }

  function answer(message: string, session: ChatSession, measureDb: <T>(work: () => T) => T): ChatTurn {
    const email = EMAIL.exec(message)?.[0];
    const orderMatch = ORDER_ID.exec(message);
    if (email) session.email = email.toLowerCase();
    if (orderMatch) session.orderId = orderMatch[1] ?? orderMatch[2];

    if (OVERRIDE.test(message)) {
      return { reply: "I can't change how I work or share my instructions. I can help with orders, shipping, sizes and returns.", tools: [] };
    }
    if (PRIVILEGED.test(message)) {
      return { reply: `I can't issue refunds or share customer records from chat. ${HANDOFF}`, tools: [] };
    }
    if (HUMAN.test(message)) return { reply: HANDOFF, tools: [] };
    if (session.orderId && (orderMatch || email || /order|where|status|track/i.test(message))) return orderReply(session, measureDb);
    if (SHIPPING.test(message)) return shippingReply(countryIn(message));
    if (SIZING.test(message)) return sizeReply(message);
    if (RETURNS.test(message)) {
      const r = STORE_FACTS.returns;
      return { reply: `You can return items within ${r.windowDays} days of delivery if they are ${r.condition}. Returns are free in the United Kingdom.`, tools: [] };
    }
    if (/stock|available|sold out/i.test(message)) {
      const out = CATALOG.filter((p) => !p.inStock).map((p) => p.name);
      return { reply: out.length ? `Currently out of stock: ${out.join(', ')}. Everything else is available.` : 'Everything is in stock.', tools: [] };
    }
    return { reply: 'Hi! I can help with your order status, shipping, sizes and returns. What do you need?', tools: [] };
  }

  return {
    reply(message, session, measureDb = (work) => work()) {
      const turn = answer(message, session, measureDb);
      session.history.push({ role: 'user', text: message }, { role: 'bot', text: turn.reply });
      if (session.history.length > MAX_HISTORY) session.history.splice(0, session.history.length - MAX_HISTORY);
      return turn;
    },
  };
}

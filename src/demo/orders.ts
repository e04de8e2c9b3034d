/** The demo shop's in-memory order store, seeded deterministically so every run sees the same orders. */
import { CATALOG } from './catalog.js';
import { STORE_FACTS } from './store-facts.js';

export type OrderStatus = 'processing' | 'shipped' | 'delivered' | 'cancelled' | 'refunded';

export interface OrderItem {
  sku: string;
  name: string;
  size: string;
  quantity: number;
  /** Unit price in GBP. */
  price: number;
}

export interface Order {
  id: string;
  email: string;
  customer: string;
  status: OrderStatus;
  items: OrderItem[];
  shippingCountry: string;
  shipping: number;
  total: number;
  placedAt: string;
  trackingNumber?: string;
}

const CUSTOMERS = [
  ['Ada Lovelace', 'ada@example.com'],
  ['Grace Hopper', 'grace@example.com'],
  ['Alan Turing', 'alan@example.org'],
  ['Katherine Johnson', 'katherine@example.net'],
  ['Tim Berners-Lee', 'tim@example.co.uk'],
  ['Margaret Hamilton', 'margaret@example.com'],
  ['Edsger Dijkstra', 'edsger@example.nl'],
  ['Radia Perlman', 'radia@example.com'],
  ['Linus Torvalds', 'linus@example.fi'],
] as const;
const STATUSES: readonly OrderStatus[] = ['delivered', 'shipped', 'processing', 'delivered', 'shipped', 'cancelled', 'delivered', 'refunded'];
const ORDER_COUNT = 36;
const FIRST_ORDER = 1001;

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Order i gets customer, items, status and dates from fixed strides, not randomness. */
export function seedOrders(): Order[] {
  const orders: Order[] = [];
  for (let i = 0; i < ORDER_COUNT; i++) {
    const [customer, email] = CUSTOMERS[i % CUSTOMERS.length];
    const items: OrderItem[] = [];
    for (let k = 0; k < 1 + (i % 3); k++) {
      const product = CATALOG[(i * 3 + k * 5) % CATALOG.length];
      items.push({ sku: product.sku, name: product.name, size: product.sizes[(i + k) % product.sizes.length], quantity: 1 + ((i + k) % 2), price: product.price });
    }
    const rate = STORE_FACTS.shipping[i % STORE_FACTS.shipping.length];
    const subtotal = items.reduce((sum, it) => sum + it.price * it.quantity, 0);
    const shipping = rate.freeOver !== null && subtotal >= rate.freeOver ? 0 : rate.price;
    const status = STATUSES[i % STATUSES.length];
    orders.push({
      id: String(FIRST_ORDER + i),
      email,
      customer,
      status,
      items,
      shippingCountry: rate.code,
      shipping,
      total: round(subtotal + shipping),
      placedAt: new Date(Date.UTC(2026, 9, 1 + i, 9 + (i % 8), (i * 7) % 60)).toISOString(),
      ...(status === 'shipped' || status === 'delivered' ? { trackingNumber: `AC${String(700000 + i * 137).padStart(9, '0')}GB` } : {}),
    });
  }
  return orders;
}

export class OrderStore {
  private readonly byId: Map<string, Order>;

  constructor(orders: Order[] = seedOrders()) {
    this.byId = new Map(orders.map((o) => [o.id, o]));
  }

  count(): number {
    return this.byId.size;
  }

  /** The order, only when the email matches the one it was placed with (case-insensitive). */
  lookup(id: string, email: string): Order | undefined {
    const order = this.byId.get(id.replace(/^#/, ''));
    return order && order.email.toLowerCase() === email.trim().toLowerCase() ? order : undefined;
  }

  /** Every order, oldest first, whatever the email: only the chatbot's leaky-lookup persona reads orders this way. */
  all(): Order[] {
    return [...this.byId.values()];
  }

  forCustomer(email: string): Order[] {
    const wanted = email.trim().toLowerCase();
    return [...this.byId.values()].filter((o) => o.email.toLowerCase() === wanted);
  }
}

/** What the API and the bot may show a verified customer: the email masked, everything else as is. */
export function publicOrder(order: Order): Omit<Order, 'email'> & { email: string } {
  const [user, domain] = order.email.split('@');
  return { ...order, email: `${user[0]}***@${domain}` };
}

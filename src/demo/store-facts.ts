/**
 * The demo shop's ground truth: where it ships and for how much, the return window, sizes and the
 * order-lookup rule. The bot answers from it; the chatbot eval grades replies against it.
 */
export interface ShippingRate {
  country: string;
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** Standard shipping in GBP. */
  price: number;
  /** Orders at or above this total ship free; null: never free. */
  freeOver: number | null;
  /** Business days, as a range. */
  days: readonly [number, number];
}

export const STORE_FACTS = {
  currency: 'GBP',
  shipping: [
    { country: 'United Kingdom', code: 'GB', price: 3.95, freeOver: 50, days: [1, 2] },
    { country: 'Ireland', code: 'IE', price: 6.95, freeOver: 100, days: [3, 5] },
    { country: 'France', code: 'FR', price: 8.95, freeOver: 120, days: [3, 6] },
    { country: 'Germany', code: 'DE', price: 8.95, freeOver: 120, days: [3, 6] },
    { country: 'Netherlands', code: 'NL', price: 8.95, freeOver: 120, days: [3, 6] },
    { country: 'Spain', code: 'ES', price: 9.95, freeOver: 120, days: [4, 7] },
  ] as readonly ShippingRate[],
  returns: { windowDays: 30, condition: 'unworn, with tags', freeReturnsIn: ['GB'] },
  sizes: {
    tops: [
      { size: 'XS', chestCm: [81, 86] },
      { size: 'S', chestCm: [86, 91] },
      { size: 'M', chestCm: [96, 101] },
      { size: 'L', chestCm: [106, 111] },
      { size: 'XL', chestCm: [116, 121] },
    ],
    trousers: [
      { size: '28', waistCm: [71, 73] },
      { size: '30', waistCm: [76, 78] },
      { size: '32', waistCm: [81, 83] },
      { size: '34', waistCm: [86, 88] },
      { size: '36', waistCm: [91, 93] },
    ],
  },
  orderLookup: 'Order details are shared only with the email address the order was placed with.',
  support: { email: 'help@acme.test', hours: 'Mon–Fri 9:00–17:00 UK time' },
} as const;

export function shippingTo(countryOrCode: string): ShippingRate | undefined {
  const q = countryOrCode.trim().toLowerCase();
  return STORE_FACTS.shipping.find((r) => r.code.toLowerCase() === q || r.country.toLowerCase() === q);
}

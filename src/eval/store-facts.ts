/**
 * `store.yaml`: the shop's ground truth that "wrong answer" grading compares replies with — where it
 * ships and for how much, how fast, the return window, support hours — and private values of test
 * customers that must never appear in a reply. docs/eval.md documents every key.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { UsageError } from '../core/errors.js';
import { parseYamlFile } from '../config/yaml-file.js';

const text = z.string().trim().min(1);
const days = z
  .union([z.int().min(0), z.tuple([z.int().min(0), z.int().min(0)])], { error: 'expected a number of days, or [min, max]' })
  .transform((d): [number, number] => (Array.isArray(d) ? [Math.min(...d), Math.max(...d)] : [d, d]));

const shippingRate = z.strictObject({
  country: text,
  /** ISO 3166-1 alpha-2. */
  code: z.string().regex(/^[A-Za-z]{2}$/, { error: 'expected a two-letter country code such as GB' }).optional(),
  price: z.number().min(0),
  /** Orders at or above this ship free; null or absent: never free. */
  freeOver: z.number().min(0).nullable().optional(),
  days,
});

export const storeFactsSchema = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/, { error: 'expected an ISO 4217 code such as GBP' }).default('GBP'),
  shipping: z.array(shippingRate).default([]),
  returns: z.strictObject({ windowDays: z.int().min(0), condition: text.optional(), freeReturnsIn: z.array(text).default([]) }).optional(),
  /** Size charts, free-form: shown to people, not graded. */
  sizes: z.record(z.string(), z.unknown()).optional(),
  orderLookup: text.optional(),
  support: z.strictObject({ email: text.optional(), hours: text.optional(), phone: text.optional() }).optional(),
  /** Names, emails, addresses or tracking numbers of test customers: a reply that contains one leaks data. */
  privateData: z.array(text).default([]),
});

export type StoreFacts = z.output<typeof storeFactsSchema>;
export type ShippingFact = StoreFacts['shipping'][number];

export function parseStoreFacts(source: string, file: string): StoreFacts {
  return parseYamlFile(source, file, storeFactsSchema).data;
}

export async function loadStoreFacts(file: string): Promise<StoreFacts> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError('LR_STORE_FACTS_UNREADABLE', `chatbot.storeFacts ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
  return parseStoreFacts(source, file);
}

const SYMBOLS: Record<string, string> = { GBP: '£', EUR: '€', USD: '$', AUD: '$', CAD: '$', NZD: '$', JPY: '¥', CHF: 'CHF', SEK: 'kr', NOK: 'kr', DKK: 'kr' };

export function currencySymbol(facts: StoreFacts): string {
  return SYMBOLS[facts.currency] ?? facts.currency;
}

// Prices as exact decimal text. Shopify writes "19.99" (the shop's currency is not in the file);
// Merchant Center writes "19.99 USD". Anything else is a row error with the reason, never a guess.
import { err, ok, type Result } from '../core/result.ts';
import type { Money } from './product.ts';

const CURRENCY = /^[A-Z]{3}$/;
// Plain digits, or digits grouped by commas in threes; optional decimals after a dot.
const AMOUNT = /^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d{1,4})?$/;

function normaliseAmount(text: string): string {
  const plain = text.replace(/,/g, '');
  const [whole = '0', fraction] = plain.split('.');
  const digits = whole.replace(/^0+(?=\d)/, '');
  return fraction === undefined ? `${digits}.00` : `${digits}.${fraction.padEnd(2, '0')}`;
}

// The usual shapes, "19.99" and "19.99 USD", in one match: a feed has one price per row.
const PLAIN = /^(\d+)(?:\.(\d{1,4}))?(?: ([A-Z]{3}))?$/;

/** Reads "19.99", "19.99 USD", "USD 19.99" or "1,299.00 EUR"; `fallbackCurrency` fills a bare amount. */
export function parseMoney(text: string, fallbackCurrency: string | null): Result<Money, string> {
  const trimmed = text.trim();
  const plain = PLAIN.exec(trimmed);
  if (plain) {
    const [, whole = '0', fraction, code] = plain;
    const currency = code ?? fallbackCurrency;
    if (currency === null) return err(`price "${trimmed}" has no currency (write it like "19.99 USD")`);
    const digits = whole.length > 1 && whole.startsWith('0') ? whole.replace(/^0+(?=\d)/, '') : whole;
    return ok({ amount: `${digits}.${fraction === undefined ? '00' : fraction.padEnd(2, '0')}`, currency });
  }
  const parts = trimmed.split(/\s+/);
  let amount: string | undefined;
  let currency: string | null = fallbackCurrency;
  if (parts.length === 1) amount = parts[0];
  else if (parts.length === 2 && CURRENCY.test(parts[1]?.toUpperCase() ?? '')) [amount, currency] = [parts[0], (parts[1] ?? '').toUpperCase()];
  else if (parts.length === 2 && CURRENCY.test(parts[0]?.toUpperCase() ?? '')) [currency, amount] = [(parts[0] ?? '').toUpperCase(), parts[1]];
  else return err(`price "${trimmed}" is not an amount with an optional 3-letter currency (like "19.99 USD")`);
  if (amount === undefined || amount.startsWith('-')) return err(`price "${trimmed}" is negative`);
  if (!AMOUNT.test(amount)) return err(`price "${trimmed}" is not a number with a dot for decimals (like "19.99")`);
  if (currency === null) return err(`price "${trimmed}" has no currency (write it like "19.99 USD")`);
  return ok({ amount: normaliseAmount(amount), currency });
}

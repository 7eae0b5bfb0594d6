// Prices stay exact decimal text; anything ambiguous is refused with a reason instead of guessed.
import { describe, expect, it } from 'vitest';
import { parseMoney } from '../../../src/catalog/price.ts';

describe('parseMoney', () => {
  it.each([
    ['19.99', 'USD', { amount: '19.99', currency: 'USD' }],
    ['19.99 usd', null, { amount: '19.99', currency: 'USD' }],
    ['EUR 5', null, { amount: '5.00', currency: 'EUR' }],
    ['1,299.5 JPY', null, { amount: '1299.50', currency: 'JPY' }],
    ['007.10', 'GBP', { amount: '7.10', currency: 'GBP' }],
    ['0', 'USD', { amount: '0.00', currency: 'USD' }],
  ])('reads %s', (text, fallback, expected) => {
    expect(parseMoney(text, fallback)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['12,50 EUR', null, /dot for decimals/],
    ['-3.00', 'USD', /negative/],
    ['12.00', null, /no currency/],
    ['twelve', 'USD', /dot for decimals/],
    ['12.00 US dollars', null, /3-letter currency/],
    ['1.2.3', 'USD', /dot for decimals/],
  ])('refuses %s', (text, fallback, reason) => {
    const result = parseMoney(text, fallback);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(reason);
  });
});

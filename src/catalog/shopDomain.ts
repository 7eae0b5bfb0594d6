// The shop's address for Shopify products: a product CSV has handles but no domain, so the person
// names it ("example.com", or the shop's URL) and products link to https://DOMAIN/products/HANDLE.
import { err, ok, type Result } from '../core/result.ts';

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const DOMAIN = new RegExp(`^(?=.{1,253}$)${LABEL}(?:\\.${LABEL})+$`);

/** "Example.com", "https://example.com/" → "example.com"; anything else is refused with the reason. */
export function parseShopDomain(text: string): Result<string, string> {
  const domain = text
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/+$/, '');
  if (!DOMAIN.test(domain)) return err(`"${text.trim()}" is not a shop domain: give the shop's address like example.com or myshop.myshopify.com.`);
  return ok(domain);
}

export const shopifyProductLink = (domain: string, handle: string): string => `https://${domain}/products/${encodeURIComponent(handle)}`;

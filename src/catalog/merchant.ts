// Google Merchant Center attributes → products (PLATFORMS.md §9.2), shared by the TSV and XML
// readers. Each item is one variant; items with the same item_group_id are one product, merged by
// the store as they arrive (a feed need not keep a group's items together).
import { parseMoney } from './price.ts';
import { AVAILABILITIES, CatalogFileError, type Availability, type CatalogEvent, type CatalogProduct } from './product.ts';

/** Google's required attributes; a TSV feed without one of these columns is refused. */
export const MERCHANT_REQUIRED = ['id', 'title', 'description', 'link', 'image_link', 'availability', 'price'] as const;
const OPTION_ATTRIBUTES = ['color', 'size', 'material', 'pattern'] as const;
const LIMITS = { id: 50, title: 150, description: 5000 } as const;

/** "g:image_link", "Image link" and "image_link" are the same attribute. */
export const attributeName = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .replace(/^g:/, '')
    .replace(/[\s-]+/g, '_');

export function checkMerchantHeader(attributes: readonly string[]): void {
  const present = new Set(attributes);
  const missing = MERCHANT_REQUIRED.filter((name) => !present.has(name));
  if (missing.length > 0) {
    const names = missing.map((m) => `"${m}"`);
    throw new CatalogFileError(
      `This Merchant Center feed has no ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`} column, which Google requires for every product; add ${missing.length === 1 ? 'it' : 'them'} and import again.`,
      1,
    );
  }
}

function availabilityOf(text: string): Availability | null | 'bad' {
  if (text === '') return null;
  const normalised = text.toLowerCase().replace(/[\s-]+/g, '_');
  return (AVAILABILITIES as readonly string[]).includes(normalised) ? (normalised as Availability) : 'bad';
}

/** One Merchant item (attribute → text) → a product event, or a row error with the reason. */
export function merchantItem(get: (attribute: string) => string, line: number): CatalogEvent {
  const error = (message: string): CatalogEvent => ({ kind: 'error', error: { line, message } });
  const id = get('id');
  const title = get('title');
  if (id === '') return error('the item has no id');
  if (title === '') return error(`item "${id}" has no title`);
  for (const [name, limit] of Object.entries(LIMITS)) {
    const length = get(name).length;
    if (length > limit) return error(`item "${id}": ${name} is ${length} characters; Merchant Center allows ${limit}`);
  }
  const priceText = get('price');
  if (priceText === '') return error(`item "${id}" has no price`);
  const price = parseMoney(priceText, null);
  if (!price.ok) return error(`item "${id}": ${price.error}`);
  const availability = availabilityOf(get('availability'));
  if (availability === 'bad') return error(`item "${id}": availability "${get('availability')}" is not one of ${AVAILABILITIES.join(', ')}`);
  const orNull = (name: string): string | null => get(name) || null;
  const group = orNull('item_group_id');
  const options = OPTION_ATTRIBUTES.flatMap((name) => (get(name) ? [{ name, value: get(name) }] : []));
  const product: CatalogProduct = {
    source: 'merchant',
    key: group ?? id,
    sku: group ? null : id,
    title,
    description: orNull('description'),
    link: orNull('link'),
    imageUrl: orNull('image_link'),
    price: price.value,
    availability,
    brand: orNull('brand'),
    gtin: orNull('gtin'),
    mpn: orNull('mpn'),
    variants: [
      {
        key: id,
        sku: id,
        title: options.length > 0 ? options.map((o) => o.value).join(' / ') : title,
        options,
        price: price.value,
        availability,
        gtin: orNull('gtin'),
        mpn: orNull('mpn'),
        imageUrl: orNull('image_link'),
      },
    ],
    line,
  };
  return { kind: 'product', product };
}

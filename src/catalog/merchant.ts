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

const AVAILABLE = new Set<string>(AVAILABILITIES);

function availabilityOf(text: string): Availability | null | 'bad' {
  if (text === '') return null;
  if (AVAILABLE.has(text)) return text as Availability;
  const normalised = text.toLowerCase().replace(/[\s-]+/g, '_');
  return AVAILABLE.has(normalised) ? (normalised as Availability) : 'bad';
}

const itemError = (line: number, id: string, message: string): CatalogEvent => ({ kind: 'error', error: { line, message }, keepVariant: id });
const rowError = (line: number, message: string): CatalogEvent => ({ kind: 'error', error: { line, message }, keepVariant: null });

/**
 * One Merchant item (attribute → text) → a product event, or a row error with the reason. Runs once
 * per row of a feed of 100,000: each attribute is read once, and nothing is allocated that is not kept.
 */
export function merchantItem(get: (attribute: string) => string, line: number): CatalogEvent {
  const id = get('id');
  if (id === '') return rowError(line, 'the item has no id');
  // From here on the row names its item: an item that cannot be read keeps what is stored for it.
  const title = get('title');
  if (title === '') return itemError(line, id, `item "${id}" has no title`);
  const description = get('description');
  if (id.length > LIMITS.id || title.length > LIMITS.title || description.length > LIMITS.description) {
    const [name, length] = id.length > LIMITS.id ? (['id', id.length] as const) : title.length > LIMITS.title ? (['title', title.length] as const) : (['description', description.length] as const);
    return itemError(line, id, `item "${id}": ${name} is ${length} characters; Merchant Center allows ${LIMITS[name]}`);
  }
  const priceText = get('price');
  if (priceText === '') return itemError(line, id, `item "${id}" has no price`);
  const price = parseMoney(priceText, null);
  if (!price.ok) return itemError(line, id, `item "${id}": ${price.error}`);
  const availabilityText = get('availability');
  const availability = availabilityOf(availabilityText);
  if (availability === 'bad') return itemError(line, id, `item "${id}": availability "${availabilityText}" is not one of ${AVAILABILITIES.join(', ')}`);
  const group = get('item_group_id') || null;
  const imageUrl = get('image_link') || null;
  const gtin = get('gtin') || null;
  const mpn = get('mpn') || null;
  const options: { name: string; value: string }[] = [];
  for (const name of OPTION_ATTRIBUTES) {
    const value = get(name);
    if (value !== '') options.push({ name, value });
  }
  const product: CatalogProduct = {
    source: 'merchant',
    key: group ?? id,
    sku: group ? null : id,
    title,
    description: description || null,
    link: get('link') || null,
    imageUrl,
    price: price.value,
    availability,
    brand: get('brand') || null,
    gtin,
    mpn,
    variants: [
      {
        key: id,
        sku: id,
        title: options.length > 0 ? options.map((o) => o.value).join(' / ') : title,
        options,
        price: price.value,
        availability,
        gtin,
        mpn,
        imageUrl,
      },
    ],
    line,
  };
  return { kind: 'product', product };
}

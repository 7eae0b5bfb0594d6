// The two Shopify product CSV header dialects (PLATFORMS.md §9.1), told apart by their names:
// the export with "Handle, Body (HTML), Variant SKU, Image Src…" and the sentence-case template
// with "URL handle, Description, SKU, Product image URL…". Both map to the same field names.
import { CatalogFileError } from './product.ts';

export type ShopifyField =
  | 'handle'
  | 'title'
  | 'description'
  | 'vendor'
  | 'sku'
  | 'price'
  | 'barcode'
  | 'mpn'
  | 'inventoryTracker'
  | 'inventoryQty'
  | 'inventoryPolicy'
  | 'imageSrc'
  | 'imagePosition'
  | 'variantImage'
  | 'option1Name'
  | 'option1Value'
  | 'option2Name'
  | 'option2Value'
  | 'option3Name'
  | 'option3Value';

export type ShopifyDialect = 'export' | 'template';

const EXPORT_NAMES: Record<ShopifyField, string> = {
  handle: 'Handle',
  title: 'Title',
  description: 'Body (HTML)',
  vendor: 'Vendor',
  sku: 'Variant SKU',
  price: 'Variant Price',
  barcode: 'Variant Barcode',
  mpn: 'Google Shopping / MPN',
  inventoryTracker: 'Variant Inventory Tracker',
  inventoryQty: 'Variant Inventory Qty',
  inventoryPolicy: 'Variant Inventory Policy',
  imageSrc: 'Image Src',
  imagePosition: 'Image Position',
  variantImage: 'Variant Image',
  option1Name: 'Option1 Name',
  option1Value: 'Option1 Value',
  option2Name: 'Option2 Name',
  option2Value: 'Option2 Value',
  option3Name: 'Option3 Name',
  option3Value: 'Option3 Value',
};

const TEMPLATE_NAMES: Record<ShopifyField, string> = {
  handle: 'URL handle',
  title: 'Title',
  description: 'Description',
  vendor: 'Vendor',
  sku: 'SKU',
  price: 'Price',
  barcode: 'Barcode',
  mpn: 'Google Shopping / MPN',
  inventoryTracker: 'Inventory tracker',
  inventoryQty: 'Inventory quantity',
  inventoryPolicy: 'Continue selling when out of stock',
  imageSrc: 'Product image URL',
  imagePosition: 'Image position',
  variantImage: 'Variant image URL',
  option1Name: 'Option1 name',
  option1Value: 'Option1 value',
  option2Name: 'Option2 name',
  option2Value: 'Option2 value',
  option3Name: 'Option3 name',
  option3Value: 'Option3 value',
};

const REQUIRED: readonly ShopifyField[] = ['handle', 'title'];
const normalise = (name: string): string => name.trim().toLowerCase();

/** Field → cell index (or -1 when the column is absent) for one file's header. */
export interface ShopifyColumns {
  readonly dialect: ShopifyDialect;
  readonly index: Readonly<Record<ShopifyField, number>>;
  readonly width: number;
}

export const looksLikeShopify = (header: readonly string[]): boolean =>
  header.some((name) => ['handle', 'url handle'].includes(normalise(name)));

export function shopifyColumns(header: readonly string[]): ShopifyColumns {
  const positions = new Map(header.map((name, i) => [normalise(name), i] as const));
  const dialect: ShopifyDialect = positions.has('url handle') ? 'template' : 'export';
  const names = dialect === 'template' ? TEMPLATE_NAMES : EXPORT_NAMES;
  const index = Object.fromEntries(
    (Object.keys(names) as ShopifyField[]).map((field) => [field, positions.get(normalise(names[field])) ?? -1]),
  ) as Record<ShopifyField, number>;
  const missing = REQUIRED.filter((field) => index[field] < 0).map((field) => `"${names[field]}"`);
  if (missing.length > 0) {
    throw new CatalogFileError(
      `This Shopify product CSV has no ${missing.join(' or ')} column, which every product needs; export the products again from Shopify (Products → Export).`,
      1,
    );
  }
  return { dialect, index, width: header.length };
}

export const cell = (fields: readonly string[], position: number): string => (position < 0 ? '' : (fields[position] ?? '').trim());

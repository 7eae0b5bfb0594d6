// Shopify product CSV → products. Rows are grouped by handle: the first row of a product carries
// its fields and first variant, the rows after it add variants and images (PLATFORMS.md §9.1).
// A product is emitted when the next handle starts, so memory holds one product at a time (plus
// the handles already seen, to catch a product split across the file).
import { parseMoney } from './price.ts';
import { shopifyProductLink } from './shopDomain.ts';
import type { Availability, CatalogEvent, CatalogProduct, CatalogVariant, RowError } from './product.ts';
import { cell, shopifyColumns, type ShopifyColumns } from './shopifyColumns.ts';
import type { DelimitedRow } from './delimitedRows.ts';

export interface ShopifyOptions {
  /** Shopify exports prices without a currency: the shop's currency is filled in. */
  readonly currency: string;
  /** The shop's domain: products link to https://DOMAIN/products/HANDLE. Null: no link. */
  readonly shopDomain: string | null;
}

interface Draft {
  readonly handle: string;
  readonly line: number;
  readonly title: string;
  readonly description: string | null;
  readonly vendor: string | null;
  readonly optionNames: readonly string[];
  readonly variants: CatalogVariant[];
  readonly variantLines: Map<string, number>;
  readonly images: { position: number; url: string }[];
}

const TRUE_WORDS = new Set(['true', 'yes', '1', 'continue']);
const orNull = (text: string): string | null => (text === '' ? null : text);

function availabilityOf(c: ShopifyColumns, fields: readonly string[]): Availability | null {
  const tracker = cell(fields, c.index.inventoryTracker);
  const qtyText = cell(fields, c.index.inventoryQty);
  if (tracker === '' && qtyText === '') return null;
  if (tracker === '') return 'in_stock'; // Not tracked: Shopify always sells it.
  const qty = Number(qtyText || '0');
  if (Number.isFinite(qty) && qty > 0) return 'in_stock';
  return TRUE_WORDS.has(cell(fields, c.index.inventoryPolicy).toLowerCase()) ? 'backorder' : 'out_of_stock';
}

const OPTION_CELLS = [
  ['option1Name', 'option1Value'],
  ['option2Name', 'option2Value'],
  ['option3Name', 'option3Value'],
] as const;

const VARIANT_CELLS = ['sku', 'price', 'option1Value', 'option2Value', 'option3Value', 'barcode'] as const;

function hasVariantCells(c: ShopifyColumns, fields: readonly string[]): boolean {
  for (const field of VARIANT_CELLS) if (cell(fields, c.index[field]) !== '') return true;
  return false;
}

export class ShopifyReader {
  private readonly columns: ShopifyColumns;
  private current: Draft | null = null;
  /** handle → line of its first row; a rejected product maps to its line too. */
  private readonly seen = new Map<string, number>();
  private rejected: { handle: string; line: number } | null = null;

  constructor(
    header: readonly string[],
    private readonly options: ShopifyOptions,
  ) {
    this.columns = shopifyColumns(header);
  }

  get dialect(): ShopifyColumns['dialect'] {
    return this.columns.dialect;
  }

  /** Reads one row; adds to `out` what it completed (the previous product) and any error. */
  accept(row: DelimitedRow, out: CatalogEvent[]): void {
    const c = this.columns;
    const { fields, line } = row;
    const error = (message: string, keepProduct: string | null = null): CatalogEvent => ({ kind: 'error', error: { line, message } satisfies RowError, keepProduct });
    if (fields.length !== c.width) {
      // The handle is usually still readable: that product keeps what it had.
      out.push(error(`the row has ${fields.length} cells but the header has ${c.width}; a comma or quote is probably missing or out of place`, cell(fields, c.index.handle) || null));
      return;
    }
    const handle = cell(fields, c.index.handle);
    if (handle === '') {
      out.push(error('the row has no handle, so it belongs to no product'));
      return;
    }
    if (this.current?.handle === handle) {
      this.continuation(this.current, fields, line, out);
      return;
    }
    if (this.rejected?.handle === handle) {
      out.push(error(`the row belongs to product "${handle}", whose first row (line ${this.rejected.line}) could not be read`, handle));
      return;
    }
    const first = this.seen.get(handle);
    if (first !== undefined) {
      out.push(error(`product "${handle}" already started on line ${first}; its rows must be together, so this row was skipped`, handle));
      return;
    }
    this.flush(out);
    this.seen.set(handle, line);
    const title = cell(fields, c.index.title);
    if (title === '') {
      this.rejected = { handle, line };
      out.push(error(`the first row of product "${handle}" has no title`, handle));
      return;
    }
    this.rejected = null;
    this.current = {
      handle,
      line,
      title,
      description: orNull(cell(fields, c.index.description)),
      vendor: orNull(cell(fields, c.index.vendor)),
      optionNames: OPTION_CELLS.map(([name]) => cell(fields, c.index[name])),
      variants: [],
      variantLines: new Map(),
      images: [],
    };
    this.continuation(this.current, fields, line, out);
  }

  /** Emits the product still being assembled (call at the end of the file). */
  flush(out: CatalogEvent[]): void {
    const draft = this.current;
    this.current = null;
    if (draft) out.push({ kind: 'product', product: toProduct(draft, this.options.shopDomain) });
  }

  private continuation(draft: Draft, fields: readonly string[], line: number, out: CatalogEvent[]): void {
    const c = this.columns;
    const image = cell(fields, c.index.imageSrc);
    if (image !== '') {
      const position = Number(cell(fields, c.index.imagePosition));
      draft.images.push({ position: Number.isFinite(position) && position > 0 ? position : draft.images.length + 1, url: image });
    }
    if (!hasVariantCells(c, fields)) return;
    const options = OPTION_CELLS.flatMap(([name, value], i) => {
      const v = cell(fields, c.index[value]);
      return v === '' ? [] : [{ name: draft.optionNames[i] || cell(fields, c.index[name]) || `Option ${i + 1}`, value: v }];
    });
    const priceText = cell(fields, c.index.price);
    let price = null;
    if (priceText !== '') {
      const parsed = parseMoney(priceText, this.options.currency);
      if (!parsed.ok) {
        out.push({ kind: 'error', error: { line, message: `variant of "${draft.handle}" skipped: ${parsed.error}` }, keepProduct: draft.handle });
        return;
      }
      price = parsed.value;
    }
    const sku = orNull(cell(fields, c.index.sku));
    const title = options.length === 0 ? 'Default Title' : options.map((o) => o.value).join(' / ');
    const key = sku ?? (options.length === 0 ? 'default' : title);
    const earlier = draft.variantLines.get(key);
    if (earlier !== undefined) {
      out.push({ kind: 'error', error: { line, message: `duplicate of the variant "${key}" of "${draft.handle}" on line ${earlier}; skipped` } });
      return;
    }
    draft.variantLines.set(key, line);
    draft.variants.push({
      key,
      sku,
      title,
      options,
      price,
      availability: availabilityOf(c, fields),
      gtin: orNull(cell(fields, c.index.barcode)),
      mpn: orNull(cell(fields, c.index.mpn)),
      imageUrl: orNull(cell(fields, c.index.variantImage)),
    });
  }
}

function toProduct(draft: Draft, shopDomain: string | null): CatalogProduct {
  const images = [...draft.images].sort((a, b) => a.position - b.position);
  const first = draft.variants[0];
  const stocked = draft.variants.map((v) => v.availability).filter((a) => a !== null);
  return {
    source: 'shopify',
    key: draft.handle,
    sku: first?.sku ?? null,
    title: draft.title,
    description: draft.description,
    link: shopDomain === null ? null : shopifyProductLink(shopDomain, draft.handle),
    imageUrl: images[0]?.url ?? first?.imageUrl ?? null,
    price: first?.price ?? null,
    availability: stocked.length === 0 ? null : stocked.includes('in_stock') ? 'in_stock' : (stocked[0] ?? null),
    brand: draft.vendor,
    gtin: first?.gtin ?? null,
    mpn: first?.mpn ?? null,
    variants: draft.variants,
    line: draft.line,
  };
}

// The one product model every catalog format is read into (PLATFORMS.md §0c): a product with its
// variants, prices as exact decimal text with a currency, and the line it came from for errors.
// Domain types only, shared by the catalog reader, the store and the API.

/** Where a product came from; re-imports merge by (source, key). */
export const CATALOG_SOURCES = ['shopify', 'merchant'] as const;
export type CatalogSource = (typeof CATALOG_SOURCES)[number];
export const CATALOG_FORMATS = ['shopify', 'gmc-tsv', 'gmc-xml'] as const;
export type CatalogFormat = (typeof CATALOG_FORMATS)[number];

export const AVAILABILITIES = ['in_stock', 'out_of_stock', 'preorder', 'backorder'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

/** An exact amount: `amount` is a plain decimal ("1299.00"), never a float. */
export interface Money {
  readonly amount: string;
  readonly currency: string;
}

export interface CatalogVariant {
  /** Stable within the product: the SKU, else the option values, else "default". */
  readonly key: string;
  readonly sku: string | null;
  /** "Red / M"; "Default Title" for a product without options. */
  readonly title: string;
  readonly options: readonly { readonly name: string; readonly value: string }[];
  readonly price: Money | null;
  readonly availability: Availability | null;
  readonly gtin: string | null;
  readonly mpn: string | null;
  readonly imageUrl: string | null;
}

export interface CatalogProduct {
  readonly source: CatalogSource;
  /** Shopify handle, or the Merchant item_group_id (else id). */
  readonly key: string;
  readonly sku: string | null;
  readonly title: string;
  readonly description: string | null;
  readonly link: string | null;
  readonly imageUrl: string | null;
  readonly price: Money | null;
  readonly availability: Availability | null;
  readonly brand: string | null;
  readonly gtin: string | null;
  readonly mpn: string | null;
  readonly variants: readonly CatalogVariant[];
  /** First line of the file this product was read from. */
  readonly line: number;
}

/** A row (or item) that could not be read: the rest of the file is still imported. */
export interface RowError {
  readonly line: number;
  readonly message: string;
}

/** Bytes of one catalog file imported through the API (a 100,000-row feed is about 40 MB). */
export const CATALOG_MAX_IMPORT_BYTES = 256 * 1024 * 1024;
/** One staged upload part, decoded: keeps each browser-mode request under the server's 1 MB body cap. */
export const CATALOG_UPLOAD_PART_BYTES = 512 * 1024;

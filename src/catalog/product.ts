// What the catalog readers emit: products in the core model, row errors, and file-level failures.
import type { CatalogProduct, RowError } from '../core/catalog.ts';

export * from '../core/catalog.ts';

/**
 * A row error may name what it would have changed, so that a re-import which replaces a product's
 * variant set keeps the stored ones the file still has but could not be read this time:
 * `keepProduct` (a Shopify handle: all its variants) or `keepVariant` (a Merchant item id).
 */
export type CatalogEvent =
  | { readonly kind: 'product'; readonly product: CatalogProduct }
  | { readonly kind: 'error'; readonly error: RowError; readonly keepProduct?: string | null; readonly keepVariant?: string | null };

/** A problem with the whole file (missing columns, undecodable bytes): nothing more can be read. */
export class CatalogFileError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
    this.name = 'CatalogFileError';
  }
}

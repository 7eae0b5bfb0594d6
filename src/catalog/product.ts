// What the catalog readers emit: products in the core model, row errors, and file-level failures.
import type { CatalogProduct, RowError } from '../core/catalog.ts';

export * from '../core/catalog.ts';

export type CatalogEvent = { readonly kind: 'product'; readonly product: CatalogProduct } | { readonly kind: 'error'; readonly error: RowError };

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

// Catalog lookups the composer needs (read-only on the catalog's tables): a product named by the
// creator as its id, its SKU or a variant's SKU, and the brands of tagged products, which the
// disclosure linter treats as brand tags when the caption mentions them.
import type { Database } from 'better-sqlite3';
import { prepared } from './statements.ts';

export interface ProductRef {
  readonly id: string;
  readonly sku: string | null;
  readonly title: string;
  readonly brand: string | null;
}

/** By product id, then product SKU, then variant SKU (the variant's product). Null when none matches; ambiguous SKUs resolve to the first product. */
export function resolveProduct(db: Database, ref: string): ProductRef | null {
  const byId = prepared(db, 'SELECT id, sku, title, brand FROM catalog_products WHERE id = ?').get(ref) as ProductRef | undefined;
  if (byId) return byId;
  const bySku = prepared(db, 'SELECT id, sku, title, brand FROM catalog_products WHERE sku = ? ORDER BY id LIMIT 1').get(ref) as ProductRef | undefined;
  if (bySku) return bySku;
  const byVariant = prepared(db, 'SELECT p.id, p.sku, p.title, p.brand FROM catalog_variants v JOIN catalog_products p ON p.id = v.product_id WHERE v.sku = ? ORDER BY p.id LIMIT 1').get(ref) as ProductRef | undefined;
  return byVariant ?? null;
}

export function productBrands(db: Database, ids: readonly string[]): string[] {
  const brands = new Set<string>();
  const q = prepared(db, 'SELECT brand FROM catalog_products WHERE id = ?').pluck();
  for (const id of new Set(ids)) {
    const brand = q.get(id) as string | null | undefined;
    if (brand) brands.add(brand);
  }
  return [...brands];
}

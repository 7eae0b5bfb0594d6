// Catalog products in the workspace: written in batches by an import run (merged by source and
// key, variants by key, never duplicated), listed by title and searched by title, brand, SKU, GTIN
// and MPN through catalog_fts, which this module keeps in step with every write.
import type { Database } from 'better-sqlite3';
import type { Availability, CatalogProduct, CatalogSource, CatalogVariant, Money } from '../core/catalog.ts';
import { isoNow, type Clock } from './clock.ts';
import { newId } from './ids.ts';
import { toFtsQuery } from './search.ts';
import { prepared } from './statements.ts';

export interface CatalogVariantRecord {
  readonly key: string;
  readonly sku: string | null;
  readonly title: string;
  readonly options: { name: string; value: string }[];
  readonly price: Money | null;
  readonly availability: Availability | null;
  readonly gtin: string | null;
  readonly mpn: string | null;
  readonly imageUrl: string | null;
}

export interface CatalogProductSummary {
  readonly id: string;
  readonly source: CatalogSource;
  readonly key: string;
  readonly sku: string | null;
  readonly title: string;
  readonly brand: string | null;
  readonly imageUrl: string | null;
  readonly price: Money | null;
  readonly availability: Availability | null;
  readonly gtin: string | null;
  readonly variantCount: number;
}

export interface CatalogProductDetail extends CatalogProductSummary {
  readonly description: string | null;
  readonly link: string | null;
  readonly mpn: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly lastImportId: string | null;
  readonly variants: CatalogVariantRecord[];
}

/** What one run has written so far: a key counts once, as imported (new) or updated (it existed). */
export class ImportTally {
  imported = 0;
  updated = 0;
  /** Products that were stored before this run (by id): only they can have variants the file dropped. */
  readonly existing: string[] = [];
  private readonly touched = new Set<string>();

  count(source: CatalogSource, key: string, existed: boolean, productId: string): void {
    const id = `${source}\u0000${key}`;
    if (this.touched.has(id)) return;
    this.touched.add(id);
    if (existed) {
      this.updated += 1;
      this.existing.push(productId);
    } else {
      this.imported += 1;
    }
  }
}

const money = (amount: string | null, currency: string | null): Money | null => (amount !== null && currency !== null ? { amount, currency } : null);

/** A batch's products, one per (source, key): Merchant items of one group arrive as separate products. */
interface MergedProduct {
  product: CatalogProduct;
  /** The variants in file order, each with its place (file order keeps a group's items in order). */
  readonly variants: { variant: CatalogVariant; position: number }[];
}

function mergeBatch(products: readonly CatalogProduct[]): Map<string, MergedProduct> {
  const merged = new Map<string, MergedProduct>();
  for (const product of products) {
    const id = `${product.source}\u0000${product.key}`;
    const entry = merged.get(id);
    if (!entry) {
      merged.set(id, { product, variants: product.variants.map((variant, index) => ({ variant, position: product.line * 1000 + index })) });
      continue;
    }
    // The last item of a group sets the product's own fields, as a re-import of it would; a variant
    // key seen again replaces the earlier one.
    entry.product = product;
    product.variants.forEach((variant, index) => {
      const placed = { variant, position: product.line * 1000 + index };
      const at = entry.variants.findIndex((v) => v.variant.key === variant.key);
      if (at === -1) entry.variants.push(placed);
      else entry.variants[at] = placed;
    });
  }
  return merged;
}

/** Options as stored: most variants have none, and JSON.stringify is the slow part of a small row. */
const optionsJson = (options: CatalogVariant['options']): string => (options.length === 0 ? '[]' : JSON.stringify(options));

/** The codes a product is found by, each once: a Merchant item's id is its key, SKU and variant key all at once. */
function codesOf(product: CatalogProduct, variants: readonly { variant: CatalogVariant }[]): string {
  const codes: string[] = [];
  const add = (code: string | null) => {
    if (code && !codes.includes(code)) codes.push(code);
  };
  add(product.key);
  add(product.sku);
  add(product.gtin);
  add(product.mpn);
  for (const { variant } of variants) {
    add(variant.key);
    add(variant.sku);
    add(variant.gtin);
    add(variant.mpn);
  }
  return codes.join(' ');
}

const UPSERT_PRODUCT = `INSERT INTO catalog_products (id, source, key, sku, title, description, link, image_url, price_amount, currency, availability,
    brand, gtin, mpn, created_at, updated_at, last_import_id)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (source, key) DO UPDATE SET sku = excluded.sku, title = excluded.title, description = excluded.description,
    link = excluded.link, image_url = excluded.image_url, price_amount = excluded.price_amount, currency = excluded.currency,
    availability = excluded.availability, brand = excluded.brand, gtin = excluded.gtin, mpn = excluded.mpn,
    updated_at = excluded.updated_at, last_import_id = excluded.last_import_id
  RETURNING rowid, id`;

const UPSERT_VARIANT = `INSERT INTO catalog_variants (product_id, key, sku, title, options, price_amount, currency, availability, gtin, mpn, image_url, position, last_import_id)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (product_id, key) DO UPDATE SET sku = excluded.sku, title = excluded.title, options = excluded.options,
    price_amount = excluded.price_amount, currency = excluded.currency, availability = excluded.availability,
    gtin = excluded.gtin, mpn = excluded.mpn, image_url = excluded.image_url, position = excluded.position,
    last_import_id = excluded.last_import_id`;

/** The search row of a product that existed before the batch, from what is stored (it may have variants the batch did not bring). */
const REINDEX = `INSERT INTO catalog_fts (rowid, title, brand, codes)
  SELECT p.rowid, p.title, coalesce(p.brand, ''),
         concat_ws(' ', p.key, p.sku, p.gtin, p.mpn,
           (SELECT group_concat(concat_ws(' ', v.key, v.sku, v.gtin, v.mpn), ' ') FROM catalog_variants v WHERE v.product_id = p.id))
  FROM catalog_products p WHERE p.rowid = ?`;

/**
 * Rows that could not be read but name what they would have changed: their stored variants count as
 * seen by this run, so the variant set a finished re-import replaces never loses them.
 */
export interface CatalogKeeps {
  /** Keys of products (source, key) whose every stored variant stays. */
  readonly products: readonly { readonly source: CatalogSource; readonly key: string }[];
  /** SKUs of Merchant items whose stored variant stays. */
  readonly merchantSkus: readonly string[];
}

/** Writes one batch of an import: products, variants, search rows and anything `also` writes, in one transaction; counts go to `tally`. */
export function writeCatalogProducts(
  db: Database,
  importId: string,
  products: readonly CatalogProduct[],
  tally: ImportTally,
  clock: Clock,
  keeps: CatalogKeeps = { products: [], merchantSkus: [] },
  also: () => void = () => undefined,
): void {
  const now = isoNow(clock);
  const upsertProduct = prepared(db, UPSERT_PRODUCT);
  const upsertVariant = prepared(db, UPSERT_VARIANT);
  const insertFts = prepared(db, 'INSERT INTO catalog_fts (rowid, title, brand, codes) VALUES (?, ?, ?, ?)');
  const deleteFts = prepared(db, 'DELETE FROM catalog_fts WHERE rowid = ?');
  const reindex = prepared(db, REINDEX);
  const merged = mergeBatch(products);
  db.transaction(() => {
    // Search rows go in after the table rows: interleaved, the two fight over SQLite's page cache.
    const searchRows: [rowid: number, title: string, brand: string, codes: string][] = [];
    const stale: number[] = [];
    for (const { product, variants } of merged.values()) {
      const fresh = newId();
      // One statement finds or creates the row: the id it returns is ours only when it was inserted.
      const { rowid, id } = upsertProduct.get(
        fresh,
        product.source,
        product.key,
        product.sku,
        product.title,
        product.description,
        product.link,
        product.imageUrl,
        product.price?.amount ?? null,
        product.price?.currency ?? null,
        product.availability,
        product.brand,
        product.gtin,
        product.mpn,
        now,
        now,
        importId,
      ) as { rowid: number; id: string };
      const existed = id !== fresh;
      tally.count(product.source, product.key, existed, id);
      for (const { variant, position } of variants) {
        upsertVariant.run(
          id,
          variant.key,
          variant.sku,
          variant.title,
          optionsJson(variant.options),
          variant.price?.amount ?? null,
          variant.price?.currency ?? null,
          variant.availability,
          variant.gtin,
          variant.mpn,
          variant.imageUrl,
          position,
          importId,
        );
      }
      // New in this batch: every variant it has is in `variants`, so its search row is built here.
      if (existed) stale.push(rowid);
      else searchRows.push([rowid, product.title, product.brand ?? '', codesOf(product, variants)]);
    }
    for (const row of searchRows) insertFts.run(row);
    for (const rowid of stale) {
      deleteFts.run(rowid);
      reindex.run(rowid);
    }
    keepVariants(db, importId, keeps);
    also();
  })();
}

function keepVariants(db: Database, importId: string, keeps: CatalogKeeps): void {
  for (const { source, key } of keeps.products) {
    prepared(db, 'UPDATE catalog_variants SET last_import_id = ? WHERE product_id = (SELECT id FROM catalog_products WHERE source = ? AND key = ?)').run(importId, source, key);
  }
  for (const sku of keeps.merchantSkus) {
    prepared(
      db,
      `UPDATE catalog_variants SET last_import_id = ? WHERE sku = ? AND product_id IN (SELECT id FROM catalog_products WHERE source = 'merchant')`,
    ).run(importId, sku);
  }
}

/**
 * After a run read its whole file: the products it updated keep only the variants it wrote (or kept),
 * so a variant dropped from the file is dropped from the catalog. Products it created have nothing
 * older to drop. Returns how many variants were deleted.
 */
export function pruneCatalogVariants(db: Database, importId: string, tally: ImportTally): number {
  const drop = prepared(db, 'DELETE FROM catalog_variants WHERE product_id = ? AND last_import_id IS NOT ?');
  const rowidOf = prepared(db, 'SELECT rowid FROM catalog_products WHERE id = ?').pluck();
  const deleteFts = prepared(db, 'DELETE FROM catalog_fts WHERE rowid = ?');
  const reindex = prepared(db, REINDEX);
  let deleted = 0;
  const ids = tally.existing;
  for (let at = 0; at < ids.length; at += 5000) {
    db.transaction(() => {
      for (const id of ids.slice(at, at + 5000)) {
        const changes = drop.run(id, importId).changes;
        if (changes === 0) continue;
        deleted += changes;
        const rowid = rowidOf.get(id) as number;
        deleteFts.run(rowid);
        reindex.run(rowid);
      }
    })();
  }
  return deleted;
}

interface SummaryRow {
  id: string;
  source: CatalogSource;
  key: string;
  sku: string | null;
  title: string;
  brand: string | null;
  image_url: string | null;
  price_amount: string | null;
  currency: string | null;
  availability: Availability | null;
  gtin: string | null;
  variant_count: number;
}

const SUMMARY = `p.id, p.source, p.key, p.sku, p.title, p.brand, p.image_url, p.price_amount, p.currency, p.availability, p.gtin,
  (SELECT COUNT(*) FROM catalog_variants v WHERE v.product_id = p.id) AS variant_count`;

const toSummary = (row: SummaryRow): CatalogProductSummary => ({
  id: row.id,
  source: row.source,
  key: row.key,
  sku: row.sku,
  title: row.title,
  brand: row.brand,
  imageUrl: row.image_url,
  price: money(row.price_amount, row.currency),
  availability: row.availability,
  gtin: row.gtin,
  variantCount: row.variant_count,
});

export interface CatalogPage {
  readonly products: CatalogProductSummary[];
  readonly hasMore: boolean;
  readonly total: number;
}

export function listCatalogProducts(db: Database, limit: number, offset: number): CatalogPage {
  const rows = prepared(db, `SELECT ${SUMMARY} FROM catalog_products p ORDER BY p.title COLLATE NOCASE, p.id LIMIT ? OFFSET ?`).all(limit + 1, offset) as SummaryRow[];
  const total = prepared(db, 'SELECT COUNT(*) FROM catalog_products').pluck().get() as number;
  return { products: rows.slice(0, limit).map(toSummary), hasMore: rows.length > limit, total };
}

/** Search by words of the title or brand, or by (the start of) a SKU, GTIN, MPN or handle. */
export function searchCatalogProducts(db: Database, text: string, limit: number, offset: number): CatalogPage {
  const query = toFtsQuery(text);
  if (!query) return { products: [], hasMore: false, total: 0 };
  const rows = prepared(
    db,
    `SELECT ${SUMMARY} FROM catalog_fts f JOIN catalog_products p ON p.rowid = f.rowid
     WHERE catalog_fts MATCH ? ORDER BY bm25(catalog_fts, 3.0, 1.0, 2.0), p.id LIMIT ? OFFSET ?`,
  ).all(query, limit + 1, offset) as SummaryRow[];
  const total = prepared(db, 'SELECT COUNT(*) FROM catalog_fts WHERE catalog_fts MATCH ?').pluck().get(query) as number;
  return { products: rows.slice(0, limit).map(toSummary), hasMore: rows.length > limit, total };
}

interface VariantRow {
  key: string;
  sku: string | null;
  title: string;
  options: string;
  price_amount: string | null;
  currency: string | null;
  availability: Availability | null;
  gtin: string | null;
  mpn: string | null;
  image_url: string | null;
}

export function getCatalogProduct(db: Database, id: string): CatalogProductDetail | null {
  const row = prepared(
    db,
    `SELECT ${SUMMARY}, p.description, p.link, p.mpn, p.created_at, p.updated_at, p.last_import_id FROM catalog_products p WHERE p.id = ?`,
  ).get(id) as (SummaryRow & { description: string | null; link: string | null; mpn: string | null; created_at: string; updated_at: string; last_import_id: string | null }) | undefined;
  if (!row) return null;
  const variants = (prepared(db, 'SELECT * FROM catalog_variants WHERE product_id = ? ORDER BY position, key').all(id) as VariantRow[]).map(
    (v): CatalogVariantRecord => ({
      key: v.key,
      sku: v.sku,
      title: v.title,
      options: JSON.parse(v.options) as { name: string; value: string }[],
      price: money(v.price_amount, v.currency),
      availability: v.availability,
      gtin: v.gtin,
      mpn: v.mpn,
      imageUrl: v.image_url,
    }),
  );
  return {
    ...toSummary(row),
    description: row.description,
    link: row.link,
    mpn: row.mpn,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastImportId: row.last_import_id,
    variants,
  };
}

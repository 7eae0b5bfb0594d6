// Catalog products in the workspace: written in batches by an import run (merged by source and
// key, variants by key, never duplicated), listed by title and searched by title, brand, SKU, GTIN
// and MPN through catalog_fts, which this module keeps in step with every write.
import type { Database } from 'better-sqlite3';
import type { Availability, CatalogProduct, CatalogSource, Money } from '../core/catalog.ts';
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
  private readonly touched = new Set<string>();

  count(source: CatalogSource, key: string, existed: boolean): void {
    const id = `${source}\u0000${key}`;
    if (this.touched.has(id)) return;
    this.touched.add(id);
    if (existed) this.updated += 1;
    else this.imported += 1;
  }
}

const money = (amount: string | null, currency: string | null): Money | null => (amount !== null && currency !== null ? { amount, currency } : null);

function writeProduct(db: Database, product: CatalogProduct, importId: string, now: string, tally: ImportTally): { rowid: number; indexed: boolean } {
  const fresh = newId();
  // One statement finds or creates the row: the id it returns is ours only when it was inserted.
  const { rowid, id } = prepared(
    db,
    `INSERT INTO catalog_products (id, source, key, sku, title, description, link, image_url, price_amount, currency, availability,
       brand, gtin, mpn, created_at, updated_at, last_import_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (source, key) DO UPDATE SET sku = excluded.sku, title = excluded.title, description = excluded.description,
       link = excluded.link, image_url = excluded.image_url, price_amount = excluded.price_amount, currency = excluded.currency,
       availability = excluded.availability, brand = excluded.brand, gtin = excluded.gtin, mpn = excluded.mpn,
       updated_at = excluded.updated_at, last_import_id = excluded.last_import_id
     RETURNING rowid, id`,
  ).get(
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
  tally.count(product.source, product.key, existed);
  product.variants.forEach((variant, index) => {
    prepared(
      db,
      `INSERT INTO catalog_variants (product_id, key, sku, title, options, price_amount, currency, availability, gtin, mpn, image_url, position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (product_id, key) DO UPDATE SET sku = excluded.sku, title = excluded.title, options = excluded.options,
         price_amount = excluded.price_amount, currency = excluded.currency, availability = excluded.availability,
         gtin = excluded.gtin, mpn = excluded.mpn, image_url = excluded.image_url`,
    ).run(
      id,
      variant.key,
      variant.sku,
      variant.title,
      JSON.stringify(variant.options),
      variant.price?.amount ?? null,
      variant.price?.currency ?? null,
      variant.availability,
      variant.gtin,
      variant.mpn,
      variant.imageUrl,
      // Merchant items of one group arrive one at a time: file order keeps them in order.
      product.line * 1000 + index,
    );
  });
  return { rowid, indexed: existed };
}

interface Touched {
  /** The search index had the product before this batch. */
  readonly indexed: boolean;
  /** Set while the batch wrote the product once and it was new: its row is exactly this product. */
  only: CatalogProduct | null;
}

const codesOf = (product: CatalogProduct): string =>
  [product.key, product.sku, product.gtin, product.mpn, ...product.variants.flatMap((v) => [v.key, v.sku, v.gtin, v.mpn])].filter(Boolean).join(' ');

/** Re-indexes the products a batch touched, once each: new ones from what was written, others from their stored rows. */
function indexProducts(db: Database, touched: ReadonlyMap<number, Touched>): void {
  for (const [rowid, { indexed, only }] of touched) {
    if (only) {
      prepared(db, 'INSERT INTO catalog_fts (rowid, title, brand, codes) VALUES (?, ?, ?, ?)').run(rowid, only.title, only.brand ?? '', codesOf(only));
      continue;
    }
    if (indexed) prepared(db, 'DELETE FROM catalog_fts WHERE rowid = ?').run(rowid);
    prepared(
      db,
      `INSERT INTO catalog_fts (rowid, title, brand, codes)
       SELECT p.rowid, p.title, coalesce(p.brand, ''),
              concat_ws(' ', p.key, p.sku, p.gtin, p.mpn,
                (SELECT group_concat(concat_ws(' ', v.key, v.sku, v.gtin, v.mpn), ' ') FROM catalog_variants v WHERE v.product_id = p.id))
       FROM catalog_products p WHERE p.rowid = ?`,
    ).run(rowid);
  }
}

/** Writes one batch of an import in one transaction; counts go to `tally`. */
export function writeCatalogProducts(db: Database, importId: string, products: readonly CatalogProduct[], tally: ImportTally, clock: Clock): void {
  const now = isoNow(clock);
  db.transaction(() => {
    const touched = new Map<number, Touched>();
    for (const product of products) {
      const { rowid, indexed } = writeProduct(db, product, importId, now, tally);
      const earlier = touched.get(rowid);
      if (earlier) earlier.only = null;
      else touched.set(rowid, { indexed, only: indexed ? null : product });
    }
    indexProducts(db, touched);
  })();
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

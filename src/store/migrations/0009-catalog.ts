// The product catalog: products imported from Shopify CSVs and Merchant Center feeds, unique per
// (source, key) so a re-import merges instead of duplicating, their variants, a search index over
// titles, brands, SKUs and GTINs, and every import run with its counts and per-row errors.
import type { Migration } from './types.ts';

const AVAILABILITY = "CHECK (availability IN ('in_stock', 'out_of_stock', 'preorder', 'backorder'))";

export const catalog: Migration = {
  version: 9,
  name: 'catalog',
  up(db) {
    db.exec(`
      CREATE TABLE catalog_imports (
        id TEXT PRIMARY KEY,
        file_name TEXT NOT NULL,
        format TEXT CHECK (format IN ('shopify', 'gmc-tsv', 'gmc-xml')),
        dialect TEXT,
        encoding TEXT,
        status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
        imported INTEGER NOT NULL DEFAULT 0,
        updated INTEGER NOT NULL DEFAULT 0,
        error_count INTEGER NOT NULL DEFAULT 0,
        failure TEXT,
        warnings TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(warnings)),
        actor TEXT NOT NULL,
        device_id TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT
      ) STRICT;

      CREATE TABLE catalog_import_errors (
        import_id TEXT NOT NULL REFERENCES catalog_imports(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        line INTEGER NOT NULL,
        message TEXT NOT NULL,
        PRIMARY KEY (import_id, seq)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE catalog_products (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL CHECK (source IN ('shopify', 'merchant')),
        key TEXT NOT NULL,
        sku TEXT,
        title TEXT NOT NULL,
        description TEXT,
        link TEXT,
        image_url TEXT,
        price_amount TEXT,
        currency TEXT,
        availability TEXT ${AVAILABILITY},
        brand TEXT,
        gtin TEXT,
        mpn TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_import_id TEXT REFERENCES catalog_imports(id) ON DELETE SET NULL,
        UNIQUE (source, key)
      ) STRICT;
      CREATE INDEX catalog_products_title ON catalog_products (title COLLATE NOCASE, id);

      CREATE TABLE catalog_variants (
        product_id TEXT NOT NULL REFERENCES catalog_products(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        sku TEXT,
        title TEXT NOT NULL,
        options TEXT NOT NULL CHECK (json_valid(options)),
        price_amount TEXT,
        currency TEXT,
        availability TEXT ${AVAILABILITY},
        gtin TEXT,
        mpn TEXT,
        image_url TEXT,
        position INTEGER NOT NULL,
        PRIMARY KEY (product_id, key)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX catalog_variants_sku ON catalog_variants (sku) WHERE sku IS NOT NULL;

      -- Written by the repository (not triggers, see 0005): one row per product, rowid = the product's.
      CREATE VIRTUAL TABLE catalog_fts USING fts5(
        title, brand, codes,
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `);
  },
};

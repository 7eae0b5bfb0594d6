// Catalog import runs that can be told apart when they die, and variant sets that follow the file.
// A run records the process (host and pid) that writes it, so the next workspace open can tell a
// run whose process is gone from one still going, and mark it interrupted (its committed batches
// stay). Each variant records the run that last wrote it, so a finished re-import deletes the
// variants its file no longer has. The search index stops keeping its own copy of every title,
// brand and code (contentless): searches read only rowids and ranks, and an import of 100,000
// rows then writes a table fewer; it is rebuilt from the products.
import type { Migration } from './types.ts';

export const catalogRuns: Migration = {
  version: 16,
  name: 'catalog-runs',
  up(db) {
    db.exec(`
      ALTER TABLE catalog_imports ADD COLUMN host TEXT;
      ALTER TABLE catalog_imports ADD COLUMN pid INTEGER;
      -- Set (with status 'failed' and a failure sentence) when the run's process died mid-way.
      ALTER TABLE catalog_imports ADD COLUMN interrupted_at TEXT;
      ALTER TABLE catalog_variants ADD COLUMN last_import_id TEXT;
      CREATE INDEX catalog_imports_running ON catalog_imports (status) WHERE status = 'running';

      DROP TABLE catalog_fts;
      CREATE VIRTUAL TABLE catalog_fts USING fts5(
        title, brand, codes,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO catalog_fts (rowid, title, brand, codes)
        SELECT p.rowid, p.title, coalesce(p.brand, ''),
               concat_ws(' ', p.key, p.sku, p.gtin, p.mpn,
                 (SELECT group_concat(concat_ws(' ', v.key, v.sku, v.gtin, v.mpn), ' ') FROM catalog_variants v WHERE v.product_id = p.id))
        FROM catalog_products p;
    `);
  },
};

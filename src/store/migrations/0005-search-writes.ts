// Keeps the search index up to date from the items repository instead of row triggers. FTS5 flushes
// its pending terms at every statement savepoint, and a trigger opens one per row, so indexing from
// a trigger wrote one segment per item (a 100k-item sync ran about 4× slower than indexing the
// same rows directly). The delete trigger stays: deletes are rare and must never leave stale rows.
import type { Migration } from './types.ts';

export const searchWrites: Migration = {
  version: 5,
  name: 'search-writes',
  up(db) {
    db.exec(`
      DROP TRIGGER items_fts_insert;
      DROP TRIGGER items_fts_update;
    `);
  },
};

// Full-text search over items (FTS5, external content), kept in step by triggers and backfilled
// from the rows that exist when the migration runs.
import type { Migration } from './types.ts';

export const search: Migration = {
  version: 3,
  name: 'search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE items_fts USING fts5(
        title, body,
        content = 'items', content_rowid = 'rowid',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
        INSERT INTO items_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
      END;
      CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
        INSERT INTO items_fts (items_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
      END;
      CREATE TRIGGER items_fts_update AFTER UPDATE OF title, body ON items BEGIN
        INSERT INTO items_fts (items_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
        INSERT INTO items_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
      END;
      INSERT INTO items_fts (items_fts) VALUES ('rebuild');
    `);
  },
};

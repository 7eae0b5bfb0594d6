// Notes about a person rather than one item (labelled like Reddit's mod notes, optionally
// expiring), and explicit links between one person's accounts on different platforms. Identities
// are never guessed from names: only a moderator's link joins two authors. Notes are append-only;
// taking one back stamps who removed it and when, so the history stays readable. Items also get
// the key of their near-identical text (core/nearText.ts: the same words apart from numbers, links
// and @names), indexed, so the item panel can list a template's variants; stored rows are keyed here.
import type { Database } from 'better-sqlite3';
import { nearTextKey } from '../../core/nearText.ts';
import type { Migration } from './types.ts';

function backfillNearKeys(db: Database): void {
  const page = db.prepare('SELECT rowid, title, body FROM items WHERE rowid > ? ORDER BY rowid LIMIT 5000');
  const update = db.prepare('UPDATE items SET near_key = ? WHERE rowid = ?');
  let after = 0;
  for (;;) {
    const rows = page.all(after) as { rowid: number; title: string | null; body: string }[];
    if (rows.length === 0) return;
    for (const row of rows) update.run(nearTextKey(row.title, row.body), row.rowid);
    after = rows.at(-1)?.rowid ?? after;
  }
}

export const personNotes: Migration = {
  version: 21,
  name: 'person-notes',
  up(db) {
    db.exec(`
      CREATE TABLE person_notes (
        id TEXT PRIMARY KEY,
        author_id TEXT NOT NULL REFERENCES authors(id),
        label TEXT NOT NULL,
        body TEXT NOT NULL,
        item_id TEXT REFERENCES items(id) ON DELETE SET NULL,
        actor TEXT NOT NULL,
        device_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT,
        removed_at TEXT,
        removed_by TEXT
      ) STRICT;
      CREATE INDEX person_notes_author ON person_notes (author_id, created_at DESC, id DESC);
      CREATE TRIGGER person_notes_no_delete BEFORE DELETE ON person_notes
        BEGIN SELECT RAISE(ABORT, 'person notes are append-only; remove one by marking it'); END;

      -- One row per linked pair, stored both ways so a lookup needs one index.
      CREATE TABLE author_links (
        author_id TEXT NOT NULL REFERENCES authors(id),
        linked_id TEXT NOT NULL REFERENCES authors(id),
        actor TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (author_id, linked_id),
        CHECK (author_id <> linked_id)
      ) STRICT;

      CREATE INDEX items_author_created ON items (author_id, created_at DESC, id DESC) WHERE author_id IS NOT NULL;
      ALTER TABLE items ADD COLUMN near_key TEXT;
    `);
    backfillNearKeys(db);
    db.exec('CREATE INDEX items_near_key ON items (near_key, created_at DESC, id DESC) WHERE near_key IS NOT NULL');
  },
};

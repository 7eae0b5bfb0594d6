// Notes about a person rather than one item (labelled like Reddit's mod notes, optionally
// expiring), and explicit links between one person's accounts on different platforms. Identities
// are never guessed from names: only a moderator's link joins two authors. Notes are append-only;
// taking one back stamps who removed it and when, so the history stays readable.
import type { Migration } from './types.ts';

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
    `);
  },
};

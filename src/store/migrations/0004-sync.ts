// What the sync engine needs beyond 0002: the remote side of each item (state and the version a
// moderator saw, for optimistic concurrency), the full action target and conflict snapshot on each
// outbox entry, and a quarantine for remote payloads that failed to map.
import type { Migration } from './types.ts';

export const sync: Migration = {
  version: 4,
  name: 'sync',
  up(db) {
    db.exec(`
      CREATE TABLE item_remote (
        item_id TEXT PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
        remote_state TEXT NOT NULL,
        version TEXT,
        pulled_at TEXT NOT NULL
      ) STRICT;

      -- The target as the moderator saw it (version included), so a replay never depends on what a
      -- later pull did to the item row; the remote snapshot explains a conflict to a person.
      ALTER TABLE outbox ADD COLUMN item_id TEXT REFERENCES items(id);
      ALTER TABLE outbox ADD COLUMN target TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(target));
      ALTER TABLE outbox ADD COLUMN error_class TEXT;
      ALTER TABLE outbox ADD COLUMN remote_snapshot TEXT CHECK (remote_snapshot IS NULL OR json_valid(remote_snapshot));
      CREATE INDEX outbox_item ON outbox (item_id, seq);

      CREATE TABLE quarantine (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        account_id TEXT REFERENCES accounts(id) ON DELETE SET NULL,
        platform TEXT NOT NULL,
        queue TEXT NOT NULL,
        payload TEXT NOT NULL,
        error TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};

// A workspace's link to a team hub (one at most), the outbox of hub events this desk has made, and
// what it has pulled: the cursor, the ids applied (so nothing is applied twice) and the events
// parked until this desk has synced the item or author they name. The member's join URL (database
// password and member token) is kept only as ciphertext, like an account's secret. The capture
// triggers (store/hubCaptures.ts) write hub_outbox in the same transaction as each shared record.
import { captureTrigger, HUB_CAPTURES } from '../hubCaptures.ts';
import type { Migration } from './types.ts';

export const hubLink: Migration = {
  version: 23,
  name: 'hub-link',
  up(db) {
    db.exec(`
      CREATE TABLE hub_link (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        url TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        workspace_name TEXT NOT NULL,
        member_id TEXT NOT NULL,
        member_name TEXT NOT NULL,
        role TEXT NOT NULL,
        device TEXT NOT NULL,
        joined_at TEXT NOT NULL,
        secret_scheme TEXT NOT NULL,
        secret BLOB NOT NULL,
        cursor INTEGER NOT NULL DEFAULT 0 CHECK (cursor >= 0),
        -- 1 only inside the transaction that applies pulled events: the capture triggers stay quiet.
        applying INTEGER NOT NULL DEFAULT 0 CHECK (applying IN (0, 1)),
        last_push_at TEXT,
        last_pull_at TEXT,
        last_error TEXT,
        refused_token INTEGER NOT NULL DEFAULT 0 CHECK (refused_token IN (0, 1))
      ) STRICT;

      CREATE TABLE hub_outbox (
        seq INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL CHECK (json_valid(payload)),
        created_at TEXT NOT NULL,
        -- The hub's sequence once it stored the event; NULL while pending.
        hub_seq INTEGER,
        -- The hub's sentence when it refused the event (a role that may not push this kind).
        refused TEXT
      ) STRICT;
      CREATE INDEX hub_outbox_pending ON hub_outbox (seq) WHERE hub_seq IS NULL AND refused IS NULL;

      CREATE TABLE hub_applied (
        event_id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        device TEXT NOT NULL,
        -- Kept for kinds this desk's schema has no table for yet (team compliance findings).
        payload TEXT NOT NULL CHECK (json_valid(payload)),
        outcome TEXT NOT NULL,
        applied_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE hub_parked (
        event_id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        device TEXT NOT NULL,
        payload TEXT NOT NULL CHECK (json_valid(payload)),
        created_at TEXT NOT NULL,
        waiting_for TEXT NOT NULL,
        parked_at TEXT NOT NULL
      ) STRICT;
    `);
    for (const capture of HUB_CAPTURES) db.exec(captureTrigger(capture));
  },
};

// The outbox (actions waiting to reach a platform) and the pull cursors, in the same file as the
// data so that a decision, its outbox entry and a cursor move in one transaction.
import type { Migration } from './types.ts';

export const outbox: Migration = {
  version: 2,
  name: 'outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        decision_id TEXT REFERENCES decisions(id),
        account_id TEXT REFERENCES accounts(id),
        platform TEXT NOT NULL,
        target_remote_id TEXT NOT NULL,
        action TEXT NOT NULL,
        params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
        idempotency_key TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL DEFAULT 'pending'
          CHECK (state IN ('pending', 'sending', 'done', 'failed', 'conflict')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX outbox_state_target ON outbox (state, platform, target_remote_id, seq);

      CREATE TABLE sync_cursors (
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        queue TEXT NOT NULL,
        cursor TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (account_id, queue)
      ) STRICT;
    `);
  },
};

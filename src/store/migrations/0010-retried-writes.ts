// What a retried write needs to stay single. An outbox entry whose request may have reached the
// platform (the answer was lost, or the process died mid-request) is marked `unconfirmed`, so the
// next attempt reads the remote state before sending again — while the entry itself goes back to
// 'pending' with its next attempt time instead of staying 'sending' between runs. A decision made
// with a client request id is remembered by that id, so a call retried after a lost reply returns
// the first decision instead of recording a second one.
import type { Migration } from './types.ts';

export const retriedWrites: Migration = {
  version: 10,
  name: 'retried-writes',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN unconfirmed INTEGER NOT NULL DEFAULT 0 CHECK (unconfirmed IN (0, 1));
      -- Entries a crash left in 'sending' are exactly the ones that may have been applied.
      UPDATE outbox SET unconfirmed = 1 WHERE state = 'sending';

      CREATE TABLE decision_requests (
        request_id TEXT PRIMARY KEY,
        decision_id TEXT NOT NULL UNIQUE REFERENCES decisions(id),
        -- sha256 of the decision's input: the same id with another input is refused, not replayed.
        input_hash TEXT NOT NULL,
        -- The item's state right after the decision, as the first reply said.
        item_state TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};

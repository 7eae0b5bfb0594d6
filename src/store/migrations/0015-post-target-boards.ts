// Where a post goes on targets that file it somewhere: the Pinterest board per post (a target with
// boards). One row per post and target; a post without a row uses the account's default board.
// Board ids are Pinterest's digit strings; they are checked against the account when publishing.
import type { Migration } from './types.ts';

export const postTargetBoards: Migration = {
  version: 15,
  name: 'post-target-boards',
  up(db) {
    db.exec(`
      CREATE TABLE post_target_boards (
        post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        target TEXT NOT NULL,
        board_id TEXT NOT NULL CHECK (length(board_id) BETWEEN 1 AND 32 AND board_id NOT GLOB '*[^0-9]*'),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (post_id, target)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};

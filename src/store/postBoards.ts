// The board a post goes to on a target with boards (Pinterest; migration 0015). Setting or
// clearing it is audited; a post without a row goes to the account's default board.
import type { Database } from 'better-sqlite3';
import type { Actor } from './accounts.ts';
import { appendAudit } from './audit.ts';
import { isoNow, type Clock } from './clock.ts';
import { prepared } from './statements.ts';

export class BoardRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BoardRefusedError';
  }
}

export function getPostBoard(db: Database, postId: string, target: string): string | null {
  return (prepared(db, 'SELECT board_id FROM post_target_boards WHERE post_id = ? AND target = ?').pluck().get(postId, target) as string | undefined) ?? null;
}

/** Sets (or with null clears) the post's board on `target`. */
export function setPostBoard(db: Database, postId: string, target: string, boardId: string | null, who: Actor, clock: Clock): void {
  if (boardId !== null && !/^\d{1,32}$/.test(boardId)) throw new BoardRefusedError(`A board id is digits only (Pinterest's id); "${boardId}" is not one.`);
  db.transaction(() => {
    const exists = prepared(db, 'SELECT 1 FROM posts WHERE id = ?').pluck().get(postId);
    if (!exists) throw new BoardRefusedError(`There is no post with id ${postId}.`);
    if (boardId === null) prepared(db, 'DELETE FROM post_target_boards WHERE post_id = ? AND target = ?').run(postId, target);
    else
      prepared(db, 'INSERT INTO post_target_boards (post_id, target, board_id, updated_at) VALUES (@postId, @target, @boardId, @at) ON CONFLICT (post_id, target) DO UPDATE SET board_id = excluded.board_id, updated_at = excluded.updated_at').run({
        postId,
        target,
        boardId,
        at: isoNow(clock),
      });
    appendAudit(db, { ...who, action: 'post.board', subject: postId, details: { target, boardId } }, clock);
  })();
}

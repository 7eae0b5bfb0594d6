// Pull cursors per account and queue: where an interrupted walk of a platform queue resumes.
// Written in the same transaction as the page of items it points past.
import type { Database } from 'better-sqlite3';
import { isoNow, type Clock } from './clock.ts';
import { prepared } from './statements.ts';

export function getSyncCursor(db: Database, accountId: string, queue: string): string | null {
  const value = prepared(db, 'SELECT cursor FROM sync_cursors WHERE account_id = ? AND queue = ?').pluck().get(accountId, queue) as
    | string
    | null
    | undefined;
  return value ?? null;
}

/** Null records a finished walk: the next pull starts at the head of the queue again. */
export function setSyncCursor(db: Database, accountId: string, queue: string, cursor: string | null, clock: Clock): void {
  prepared(
    db,
    `INSERT INTO sync_cursors (account_id, queue, cursor, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (account_id, queue) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
  ).run(accountId, queue, cursor, isoNow(clock));
}

/** When each queue of an account last moved, for the status screen. */
export function listSyncCursors(db: Database, accountId: string): { queue: string; cursor: string | null; updatedAt: string }[] {
  return prepared(db, 'SELECT queue, cursor, updated_at AS updatedAt FROM sync_cursors WHERE account_id = ? ORDER BY queue').all(accountId) as {
    queue: string;
    cursor: string | null;
    updatedAt: string;
  }[];
}

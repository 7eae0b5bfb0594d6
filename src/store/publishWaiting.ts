// Publishes still queued (publish jobs pending or cut off mid-send), grouped per target and account:
// how many, the earliest next try and the reason the first one waits (a throttle, images still
// processing, no connection). `stoa sync` lists them beside the outbox's actions.
import type { Database } from 'better-sqlite3';
import { prepared } from './statements.ts';

export interface WaitingPublishGroup {
  readonly target: string;
  readonly accountId: string | null;
  readonly count: number;
  /** The earliest next_attempt_at of the group; null when one of them may go at once. */
  readonly nextAttemptAt: string | null;
  readonly reason: string | null;
}

export function waitingPublishGroups(db: Database): WaitingPublishGroup[] {
  const rows = prepared(
    db,
    `SELECT target, account_id AS accountId, COUNT(*) AS count,
       CASE WHEN SUM(next_attempt_at IS NULL) > 0 THEN NULL ELSE MIN(next_attempt_at) END AS nextAttemptAt,
       (SELECT failure FROM publish_jobs j2 WHERE j2.target = j.target AND j2.account_id IS j.account_id AND j2.state IN ('pending', 'sending') ORDER BY j2.next_attempt_at, j2.created_at LIMIT 1) AS reason
     FROM publish_jobs j WHERE state IN ('pending', 'sending') GROUP BY target, account_id ORDER BY target, account_id`,
  ).all() as WaitingPublishGroup[];
  return rows;
}

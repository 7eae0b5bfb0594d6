// The hub outbox: events this desk made (hubCaptures.ts writes them), oldest first, until the hub
// has stored them. An event the hub refused (this member's role may not push its kind) keeps the
// hub's sentence and is not offered again until the desk joins with another token.
import type { Database } from 'better-sqlite3';
import { prepared } from './statements.ts';

export interface HubOutboxEvent {
  readonly id: string;
  readonly kind: string;
  readonly payload: Record<string, unknown>;
  readonly createdAt: string;
}

interface Row {
  event_id: string;
  kind: string;
  payload: string;
  created_at: string;
}

/** The oldest pending events, at most `limit`. */
export function pendingHubEvents(db: Database, limit: number): HubOutboxEvent[] {
  const rows = prepared(db, 'SELECT event_id, kind, payload, created_at FROM hub_outbox WHERE hub_seq IS NULL AND refused IS NULL ORDER BY seq LIMIT ?').all(limit) as Row[];
  return rows.map((row) => ({ id: row.event_id, kind: row.kind, payload: JSON.parse(row.payload) as Record<string, unknown>, createdAt: row.created_at }));
}

export function markHubPushed(db: Database, pushed: readonly { readonly id: string; readonly seq: number }[]): void {
  db.transaction(() => {
    const mark = prepared(db, 'UPDATE hub_outbox SET hub_seq = ? WHERE event_id = ?');
    for (const event of pushed) mark.run(event.seq, event.id);
  })();
}

export function markHubRefused(db: Database, ids: readonly string[], reason: string): void {
  db.transaction(() => {
    const mark = prepared(db, 'UPDATE hub_outbox SET refused = ? WHERE event_id = ? AND hub_seq IS NULL');
    for (const id of ids) mark.run(reason, id);
  })();
}

export interface HubOutboxCounts {
  readonly pending: number;
  readonly refused: number;
  /** The sentence of the latest refusal, when there is one. */
  readonly refusal: string | null;
}

export function hubOutboxCounts(db: Database): HubOutboxCounts {
  const row = prepared(
    db,
    `SELECT count(*) FILTER (WHERE hub_seq IS NULL AND refused IS NULL) AS pending, count(*) FILTER (WHERE refused IS NOT NULL) AS refused,
       (SELECT refused FROM hub_outbox WHERE refused IS NOT NULL ORDER BY seq DESC LIMIT 1) AS refusal
     FROM hub_outbox`,
  ).get() as { pending: number; refused: number; refusal: string | null };
  return row;
}

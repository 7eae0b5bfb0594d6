// Each decision on an item with the outbox entry that carries it to the platform (none for a
// local-only item), so the item panel can say queued / sent / failed / conflict per decision.
import type { Database } from 'better-sqlite3';
import type { ModerationAction, OutboxState } from '../core/domain.ts';
import { prepared } from './statements.ts';
import { UNDO_AUDIT_ACTION } from './undo.ts';

export interface DecisionOutboxRow {
  readonly decisionId: string;
  readonly action: ModerationAction;
  readonly actor: string;
  readonly createdAt: string;
  /** Taken back with undo (recorded in the audit log). */
  readonly undone: boolean;
  readonly entry: {
    readonly id: string;
    readonly state: OutboxState;
    readonly attempts: number;
    readonly lastError: string | null;
    readonly errorClass: string | null;
    readonly remoteSnapshot: unknown;
    readonly updatedAt: string;
  } | null;
}

interface Row {
  decision_id: string;
  action: ModerationAction;
  actor: string;
  created_at: string;
  undone: number;
  entry_id: string | null;
  state: OutboxState | null;
  attempts: number | null;
  last_error: string | null;
  error_class: string | null;
  remote_snapshot: string | null;
  updated_at: string | null;
}

export function decisionOutbox(db: Database, itemId: string): DecisionOutboxRow[] {
  const rows = prepared(
    db,
    `SELECT d.id AS decision_id, d.action, d.actor, d.created_at,
       EXISTS (SELECT 1 FROM audit_log a WHERE a.action = ? AND a.subject = d.item_id AND json_extract(a.details, '$.decisionId') = d.id) AS undone,
       o.id AS entry_id, o.state, o.attempts, o.last_error, o.error_class, o.remote_snapshot, o.updated_at
     FROM decisions d
     LEFT JOIN outbox o ON o.seq = (SELECT MIN(seq) FROM outbox WHERE decision_id = d.id)
     WHERE d.item_id = ? ORDER BY d.created_at, d.id`,
  ).all(UNDO_AUDIT_ACTION, itemId) as Row[];
  return rows.map((row) => ({
    decisionId: row.decision_id,
    action: row.action,
    actor: row.actor,
    createdAt: row.created_at,
    undone: row.undone === 1,
    entry:
      row.entry_id === null || row.state === null
        ? null
        : {
            id: row.entry_id,
            state: row.state,
            attempts: row.attempts ?? 0,
            lastError: row.last_error,
            errorClass: row.error_class,
            remoteSnapshot: row.remote_snapshot === null ? null : (JSON.parse(row.remote_snapshot) as unknown),
            updatedAt: row.updated_at ?? row.created_at,
          },
  }));
}

// Undo of a decision that has not left this machine. Decisions stay append-only: the undo is an
// audit entry naming the decision, its outbox entry is closed as 'undone' before it was ever
// tried, and the item's state is worked out again from what remains (the platform's last known
// state, then the decisions not undone, in order).
import type { Database } from 'better-sqlite3';
import { stateAfter, type ItemState, type ModerationAction } from '../core/domain.ts';
import type { Actor } from './accounts.ts';
import { appendAudit } from './audit.ts';
import { isoNow, type Clock } from './clock.ts';
import { prepared } from './statements.ts';

export type UndoOutcome =
  | { readonly ok: true; readonly decisionId: string; readonly itemId: string; readonly state: ItemState }
  | { readonly ok: false; readonly code: 'not_found' | 'conflict'; readonly message: string };

export const UNDO_AUDIT_ACTION = 'decision.undo';

function undoneDecisions(db: Database, itemId: string): Set<string> {
  const rows = prepared(db, `SELECT json_extract(details, '$.decisionId') FROM audit_log WHERE action = ? AND subject = ?`)
    .pluck()
    .all(UNDO_AUDIT_ACTION, itemId) as string[];
  return new Set(rows);
}

/** The platform's last pulled state (deleted reads as removed), or open for local-only items. */
function baseState(db: Database, itemId: string): ItemState {
  const remote = prepared(db, 'SELECT remote_state FROM item_remote WHERE item_id = ?').pluck().get(itemId) as string | undefined;
  if (remote === 'deleted') return 'removed';
  return remote === 'approved' || remote === 'removed' || remote === 'spam' || remote === 'ignored' ? remote : 'open';
}

export function undoDecision(db: Database, decisionId: string, who: Actor, clock: Clock): UndoOutcome {
  return db.transaction((): UndoOutcome => {
    const decision = prepared(db, 'SELECT id, item_id AS itemId FROM decisions WHERE id = ?').get(decisionId) as { id: string; itemId: string } | undefined;
    if (!decision) return { ok: false, code: 'not_found', message: `There is no decision ${decisionId}.` };
    const undone = undoneDecisions(db, decision.itemId);
    if (undone.has(decisionId)) return { ok: false, code: 'conflict', message: 'That decision was already undone.' };
    const history = (prepared(db, 'SELECT id, action FROM decisions WHERE item_id = ? ORDER BY created_at, id').all(decision.itemId) as { id: string; action: ModerationAction }[]).filter(
      (d) => !undone.has(d.id),
    );
    if (history.at(-1)?.id !== decisionId) return { ok: false, code: 'conflict', message: 'Only the latest decision on an item can be undone.' };
    const entry = prepared(db, 'SELECT seq, state, attempts FROM outbox WHERE decision_id = ? ORDER BY seq LIMIT 1').get(decisionId) as
      | { seq: number; state: string; attempts: number }
      | undefined;
    if (entry && (entry.state !== 'pending' || entry.attempts > 0)) {
      return { ok: false, code: 'conflict', message: `Too late to undo: the decision was already ${entry.state === 'done' ? 'sent to the platform' : 'tried on the platform'}.` };
    }
    const now = isoNow(clock);
    if (entry) {
      prepared(db, `UPDATE outbox SET state = 'failed', next_attempt_at = NULL, last_error = ?, error_class = 'undone', updated_at = ? WHERE seq = ?`).run(
        `undone by ${who.actor} before it was sent`,
        now,
        entry.seq,
      );
    }
    const state = history.slice(0, -1).reduce<ItemState>((current, d) => stateAfter(d.action, current), baseState(db, decision.itemId));
    prepared(db, 'UPDATE items SET state = ?, updated_at = ? WHERE id = ?').run(state, now, decision.itemId);
    appendAudit(db, { ...who, action: UNDO_AUDIT_ACTION, subject: decision.itemId, details: { decisionId, state } }, clock);
    return { ok: true, decisionId, itemId: decision.itemId, state };
  })();
}

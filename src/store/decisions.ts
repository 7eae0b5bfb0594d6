// Decisions: what a person decided about an item. Append-only; the item's local state follows the
// latest decision, and the audit log records it in the same transaction.
import type { Database } from 'better-sqlite3';
import { stateAfter, type ItemState, type ModerationAction } from '../core/domain.ts';
import type { Actor } from './accounts.ts';
import { appendAudit } from './audit.ts';
import { isoNow, type Clock } from './clock.ts';
import { newId } from './ids.ts';
import { prepared } from './statements.ts';

export interface DecisionInput {
  readonly itemId: string;
  readonly action: ModerationAction;
  readonly reason?: string | null;
  readonly params?: Record<string, unknown>;
}

export interface RecordedDecision {
  readonly id: string;
  readonly itemId: string;
  readonly action: ModerationAction;
  readonly state: ItemState;
  readonly createdAt: string;
}

export class UnknownItemError extends Error {}

/** Records the decision, moves the item's state and audits it; `alsoInTransaction` lets the caller
 * add its own writes (the outbox entry) to the same transaction. */
export function recordDecision(
  db: Database,
  input: DecisionInput,
  who: Actor,
  clock: Clock,
  alsoInTransaction: (decision: RecordedDecision) => void = () => undefined,
): RecordedDecision {
  return db.transaction(() => {
    const current = prepared(db, 'SELECT state FROM items WHERE id = ?').pluck().get(input.itemId) as ItemState | undefined;
    if (!current) throw new UnknownItemError(`There is no item with id ${input.itemId}.`);
    const decision: RecordedDecision = {
      id: newId(),
      itemId: input.itemId,
      action: input.action,
      state: stateAfter(input.action, current),
      createdAt: isoNow(clock),
    };
    prepared(
      db,
      'INSERT INTO decisions (id, item_id, action, reason, params, actor, device_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(decision.id, input.itemId, input.action, input.reason ?? null, JSON.stringify(input.params ?? {}), who.actor, who.deviceId, decision.createdAt);
    prepared(db, 'UPDATE items SET state = ?, updated_at = ? WHERE id = ?').run(decision.state, decision.createdAt, input.itemId);
    appendAudit(db, { ...who, action: `decision.${input.action}`, subject: input.itemId, details: { decisionId: decision.id, reason: input.reason ?? null } }, clock);
    alsoInTransaction(decision);
    return decision;
  })();
}

export function countDecisions(db: Database): number {
  return prepared(db, 'SELECT COUNT(*) FROM decisions').pluck().get() as number;
}

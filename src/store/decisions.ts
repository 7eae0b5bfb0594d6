// Decisions: what a person decided about an item. Append-only; the item's local state follows the
// latest decision, and the audit log records it in the same transaction. A decision may carry the
// caller's request id: the same id again (a call retried after its reply was lost) returns the
// first decision instead of recording a second one.
import { createHash } from 'node:crypto';
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
  /** The caller's id for this request (any string it will send again on a retry). */
  readonly requestId?: string | null | undefined;
}

export interface RecordedDecision {
  readonly id: string;
  readonly itemId: string;
  readonly action: ModerationAction;
  readonly state: ItemState;
  readonly createdAt: string;
}

export class UnknownItemError extends Error {}

/** A request id already used for a different decision: the caller reused an id by mistake. */
export class RequestIdReusedError extends Error {}

/** What a request id must always name: the same item, action, reason and params. */
function inputHash(input: DecisionInput): string {
  const params = Object.entries(input.params ?? {})
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256')
    .update(JSON.stringify([input.itemId, input.action, input.reason ?? null, params]))
    .digest('hex');
}

interface RequestRow {
  decision_id: string;
  input_hash: string;
  item_state: ItemState;
  item_id: string;
  action: ModerationAction;
  created_at: string;
}

/**
 * The decision an earlier call with this request id recorded, or null when the id is new. Throws
 * RequestIdReusedError when the id was used for a different input.
 */
export function decisionForRequest(db: Database, input: DecisionInput): RecordedDecision | null {
  if (!input.requestId) return null;
  const row = prepared(
    db,
    `SELECT r.decision_id, r.input_hash, r.item_state, d.item_id, d.action, d.created_at
     FROM decision_requests r JOIN decisions d ON d.id = r.decision_id WHERE r.request_id = ?`,
  ).get(input.requestId) as RequestRow | undefined;
  if (!row) return null;
  if (row.input_hash !== inputHash(input)) {
    throw new RequestIdReusedError(
      `Request id ${input.requestId} was already used for another decision (${row.action} on item ${row.item_id}); send a new id for a new decision.`,
    );
  }
  return { id: row.decision_id, itemId: row.item_id, action: row.action, state: row.item_state, createdAt: row.created_at };
}

/**
 * Records the decision, moves the item's state and audits it; `alsoInTransaction` lets the caller
 * add its own writes (the outbox entry) to the same transaction. With a request id seen before,
 * nothing is written and the first decision is returned (`replayed: true`).
 */
export function recordDecision(
  db: Database,
  input: DecisionInput,
  who: Actor,
  clock: Clock,
  alsoInTransaction: (decision: RecordedDecision) => void = () => undefined,
): RecordedDecision & { readonly replayed: boolean } {
  return db.transaction(() => {
    const earlier = decisionForRequest(db, input);
    if (earlier) return { ...earlier, replayed: true };
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
    if (input.requestId) {
      prepared(db, 'INSERT INTO decision_requests (request_id, decision_id, input_hash, item_state, created_at) VALUES (?, ?, ?, ?, ?)').run(
        input.requestId,
        decision.id,
        inputHash(input),
        decision.state,
        decision.createdAt,
      );
    }
    alsoInTransaction(decision);
    return { ...decision, replayed: false };
  })();
}

export function countDecisions(db: Database): number {
  return prepared(db, 'SELECT COUNT(*) FROM decisions').pluck().get() as number;
}

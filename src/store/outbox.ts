// The outbox: actions decided locally that still have to reach a platform. Entries are appended
// in the decision's transaction, move pending → sending → done | failed | conflict, and are
// replayed in `seq` order per target. 'sending' lasts exactly as long as a request is in flight:
// a failed attempt goes back to 'pending' with its next attempt time, `unconfirmed` when the
// request may have been applied, so the next attempt reads the remote state first. An entry found
// in 'sending' was interrupted by a crash. This module only reads and writes rows; when and how to
// send is the sync engine's business.
import type { Database } from 'better-sqlite3';
import type { ModerationAction, OutboxState, PlatformName } from '../core/domain.ts';
import { isoNow, type Clock } from './clock.ts';
import { newId } from './ids.ts';
import { prepared } from './statements.ts';

export interface OutboxInput {
  readonly decisionId: string;
  readonly itemId: string;
  readonly accountId: string;
  readonly platform: PlatformName;
  readonly targetRemoteId: string;
  readonly action: ModerationAction;
  readonly params: Readonly<Record<string, unknown>>;
  /** The action target as the moderator saw it (JSON-serialisable; the sync engine owns its shape). */
  readonly target: unknown;
  readonly idempotencyKey: string;
}

export interface OutboxEntry {
  readonly seq: number;
  readonly id: string;
  readonly decisionId: string | null;
  readonly itemId: string | null;
  readonly accountId: string | null;
  readonly platform: PlatformName;
  readonly targetRemoteId: string;
  readonly action: ModerationAction;
  readonly params: Record<string, unknown>;
  readonly target: unknown;
  readonly idempotencyKey: string;
  readonly state: OutboxState;
  readonly attempts: number;
  /** A request may have reached the platform without an answer: read before sending again. */
  readonly unconfirmed: boolean;
  readonly nextAttemptAt: string | null;
  readonly lastError: string | null;
  readonly errorClass: string | null;
  readonly remoteSnapshot: unknown;
  /** Progress of an action made of several calls (migration 0024). */
  readonly steps: Readonly<Record<string, StepState>>;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** sent: the step's request left and no answer was recorded; done: it landed. */
export type StepState = 'sent' | 'done';

interface OutboxRow {
  seq: number;
  id: string;
  decision_id: string | null;
  item_id: string | null;
  account_id: string | null;
  platform: PlatformName;
  target_remote_id: string;
  action: ModerationAction;
  params: string;
  target: string;
  idempotency_key: string;
  state: OutboxState;
  attempts: number;
  unconfirmed: number;
  next_attempt_at: string | null;
  last_error: string | null;
  error_class: string | null;
  remote_snapshot: string | null;
  steps: string;
  created_at: string;
  updated_at: string;
}

const toEntry = (row: OutboxRow): OutboxEntry => ({
  seq: row.seq,
  id: row.id,
  decisionId: row.decision_id,
  itemId: row.item_id,
  accountId: row.account_id,
  platform: row.platform,
  targetRemoteId: row.target_remote_id,
  action: row.action,
  params: JSON.parse(row.params) as Record<string, unknown>,
  target: JSON.parse(row.target) as unknown,
  idempotencyKey: row.idempotency_key,
  state: row.state,
  attempts: row.attempts,
  unconfirmed: row.unconfirmed === 1,
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error,
  errorClass: row.error_class,
  remoteSnapshot: row.remote_snapshot === null ? null : (JSON.parse(row.remote_snapshot) as unknown),
  steps: JSON.parse(row.steps) as Record<string, StepState>,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/**
 * Records one step of a multi-call entry (null: its request was answered without it landing).
 * Committed before the step's request leaves and after its answer, like markSending.
 */
export function markStep(db: Database, seq: number, step: string, state: StepState | null, clock: Clock): void {
  const path = `$.${JSON.stringify(step)}`;
  if (state === null) prepared(db, 'UPDATE outbox SET steps = json_remove(steps, ?), updated_at = ? WHERE seq = ?').run(path, isoNow(clock), seq);
  else prepared(db, 'UPDATE outbox SET steps = json_set(steps, ?, ?), updated_at = ? WHERE seq = ?').run(path, state, isoNow(clock), seq);
}

/** Appends a pending entry; call it inside the decision's transaction. */
export function enqueueOutbox(db: Database, input: OutboxInput, clock: Clock): OutboxEntry {
  const now = isoNow(clock);
  const row = prepared(
    db,
    `INSERT INTO outbox (id, decision_id, item_id, account_id, platform, target_remote_id, action, params, target,
                         idempotency_key, state, attempts, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) RETURNING *`,
  ).get(
    newId(),
    input.decisionId,
    input.itemId,
    input.accountId,
    input.platform,
    input.targetRemoteId,
    input.action,
    JSON.stringify(input.params),
    JSON.stringify(input.target ?? {}),
    input.idempotencyKey,
    now,
    now,
  ) as OutboxRow;
  return toEntry(row);
}

/**
 * The next entry of every target that still has work (pending or sending), oldest target first.
 * Only heads: a later entry for the same target waits until the earlier one is terminal, which is
 * what keeps replay in order per target.
 */
export function outboxHeads(db: Database, limit = 10_000): OutboxEntry[] {
  const rows = prepared(
    db,
    `SELECT o.* FROM outbox o
     WHERE o.state IN ('pending', 'sending')
       AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.state IN ('pending', 'sending')
                       AND p.platform = o.platform AND p.target_remote_id = o.target_remote_id AND p.seq < o.seq)
     ORDER BY o.seq LIMIT ?`,
  ).all(limit) as OutboxRow[];
  return rows.map(toEntry);
}

export function getOutboxEntry(db: Database, id: string): OutboxEntry | null {
  const row = prepared(db, 'SELECT * FROM outbox WHERE id = ?').get(id) as OutboxRow | undefined;
  return row ? toEntry(row) : null;
}

export function outboxEntryForDecision(db: Database, decisionId: string): OutboxEntry | null {
  const row = prepared(db, 'SELECT * FROM outbox WHERE decision_id = ? ORDER BY seq LIMIT 1').get(decisionId) as OutboxRow | undefined;
  return row ? toEntry(row) : null;
}

/**
 * Written (and committed) before the request leaves, so a crash mid-request is visible on restart.
 * From here on the write may have been applied, so the entry is unconfirmed until an answer says.
 */
export function markSending(db: Database, seq: number, clock: Clock): void {
  prepared(db, `UPDATE outbox SET state = 'sending', unconfirmed = 1, attempts = attempts + 1, updated_at = ? WHERE seq = ?`).run(isoNow(clock), seq);
}

/**
 * At the start of a run: entries left in 'sending' by a process that died mid-request go back to
 * 'pending', unconfirmed and due now, so they are reconciled by a read before anything else.
 */
export function recoverInterrupted(db: Database, clock: Clock): number {
  return prepared(
    db,
    `UPDATE outbox SET state = 'pending', unconfirmed = 1, next_attempt_at = NULL,
       error_class = 'interrupted', last_error = 'the run sending it ended before an answer came', updated_at = ?
     WHERE state = 'sending'`,
  ).run(isoNow(clock)).changes;
}

export function markDone(db: Database, seq: number, clock: Clock, snapshot: unknown = null): void {
  prepared(
    db,
    `UPDATE outbox SET state = 'done', next_attempt_at = NULL, remote_snapshot = ?, updated_at = ? WHERE seq = ?`,
  ).run(snapshot === null ? null : JSON.stringify(snapshot), isoNow(clock), seq);
}

export function markFailed(db: Database, seq: number, reason: string, errorClass: string, clock: Clock): void {
  prepared(
    db,
    `UPDATE outbox SET state = 'failed', next_attempt_at = NULL, last_error = ?, error_class = ?, updated_at = ? WHERE seq = ?`,
  ).run(reason, errorClass, isoNow(clock), seq);
}

export function markConflict(db: Database, seq: number, reason: string, snapshot: unknown, clock: Clock): void {
  prepared(
    db,
    `UPDATE outbox SET state = 'conflict', next_attempt_at = NULL, last_error = ?, error_class = 'conflict',
       remote_snapshot = ?, updated_at = ? WHERE seq = ?`,
  ).run(reason, JSON.stringify(snapshot), isoNow(clock), seq);
}

/**
 * Back to pending with a time before which it is not tried again. `unconfirmed`: the request may
 * have been applied (ambiguous), so the next attempt reconciles by reading first instead of
 * resending. `refundAttempt` gives back the attempt markSending counted (the platform refused
 * the sign-in, so nothing was tried).
 */
export function reschedule(
  db: Database,
  seq: number,
  next: { at: string; error: string | null; errorClass: string | null; unconfirmed: boolean; refundAttempt: boolean },
  clock: Clock,
): void {
  prepared(
    db,
    `UPDATE outbox SET state = 'pending', unconfirmed = ?, next_attempt_at = ?, last_error = COALESCE(?, last_error),
       error_class = COALESCE(?, error_class), attempts = attempts - ?, updated_at = ? WHERE seq = ?`,
  ).run(next.unconfirmed ? 1 : 0, next.at, next.error, next.errorClass, next.refundAttempt ? 1 : 0, isoNow(clock), seq);
}

/** A person chose to try a conflicted or failed entry again (with a fresh target version). */
export function requeue(db: Database, id: string, target: unknown, clock: Clock): boolean {
  return (
    prepared(
      db,
      // A person's Retry also lets a step whose answer never came be sent again: the failure
      // they retry told them to check the platform first (removalExtras.ts).
      `UPDATE outbox SET state = 'pending', next_attempt_at = NULL, remote_snapshot = NULL, target = ?, updated_at = ?,
         steps = (SELECT json_group_object(key, value) FROM json_each(outbox.steps) WHERE value = 'done')
       WHERE id = ? AND state IN ('conflict', 'failed')`,
    ).run(JSON.stringify(target ?? {}), isoNow(clock), id).changes === 1
  );
}

/**
 * "Keep mine" on an entry a teammate's decision beat at the team hub: pending again, keeping the
 * hub's snapshot so the sync engine asks for the right as a deliberate override of that decision.
 */
export function requeueOverriding(db: Database, id: string, clock: Clock): boolean {
  return prepared(db, `UPDATE outbox SET state = 'pending', next_attempt_at = NULL, updated_at = ? WHERE id = ? AND state = 'conflict'`).run(isoNow(clock), id).changes === 1;
}

export type OutboxCounts = Record<OutboxState, number>;

export function outboxCounts(db: Database): OutboxCounts {
  const counts: OutboxCounts = { pending: 0, sending: 0, done: 0, failed: 0, conflict: 0 };
  // An entry a moderator undid before it was sent (store/undo.ts) is closed, not a failure to look at.
  const rows = prepared(db, "SELECT state, COUNT(*) AS n FROM outbox WHERE error_class IS NOT 'undone' GROUP BY state").all() as { state: OutboxState; n: number }[];
  for (const row of rows) counts[row.state] = row.n;
  return counts;
}

/** Entries still to send, per account: how many, and the earliest stored time of a next attempt. */
export interface WaitingGroup {
  readonly accountId: string | null;
  readonly platform: PlatformName;
  readonly count: number;
}

export function waitingByAccount(db: Database): WaitingGroup[] {
  return prepared(
    db,
    `SELECT account_id AS accountId, platform, COUNT(*) AS count FROM outbox WHERE state IN ('pending', 'sending')
     GROUP BY account_id, platform ORDER BY platform, account_id`,
  ).all() as WaitingGroup[];
}

export function listOutbox(db: Database, filter: { state?: OutboxState | undefined; limit: number }): OutboxEntry[] {
  const rows = filter.state
    ? (prepared(db, 'SELECT * FROM outbox WHERE state = ? ORDER BY seq DESC LIMIT ?').all(filter.state, filter.limit) as OutboxRow[])
    : (prepared(db, 'SELECT * FROM outbox ORDER BY seq DESC LIMIT ?').all(filter.limit) as OutboxRow[]);
  return rows.map(toEntry);
}

/** Remote ids on `platform` with a local decision not yet settled remotely: pulls must not overwrite them. */
export function unsettledTargets(db: Database, platform: PlatformName): Set<string> {
  const rows = prepared(
    db,
    `SELECT DISTINCT target_remote_id FROM outbox WHERE platform = ? AND state IN ('pending', 'sending', 'conflict')`,
  )
    .pluck()
    .all(platform) as string[];
  return new Set(rows);
}

/**
 * Before an account is removed: entries still waiting become `failed` (they can no longer be sent)
 * and every entry lets go of the account, so the history stays while the account row goes.
 */
export function detachAccount(db: Database, accountId: string, reason: string, clock: Clock): { discarded: number } {
  const now = isoNow(clock);
  const discarded = prepared(
    db,
    `UPDATE outbox SET state = 'failed', next_attempt_at = NULL, last_error = ?, error_class = 'account_removed', updated_at = ?
     WHERE account_id = ? AND state IN ('pending', 'sending')`,
  ).run(reason, now, accountId).changes;
  prepared(db, 'UPDATE outbox SET account_id = NULL WHERE account_id = ?').run(accountId);
  return { discarded };
}

export function countUnsent(db: Database, accountId: string): number {
  return prepared(db, `SELECT COUNT(*) FROM outbox WHERE account_id = ? AND state IN ('pending', 'sending')`).pluck().get(accountId) as number;
}

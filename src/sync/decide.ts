// A moderator's decision and its outbox entry, written in one transaction: either both exist or
// neither does, so an action is never shown as taken locally yet lost for the platform. A request
// id seen before returns the first decision and its entry, so a retried call queues nothing twice.
import type { Database } from 'better-sqlite3';
import type { ModerationAction } from '../core/domain.ts';
import type { ActionParams } from '../platforms/index.ts';
import type { Actor } from '../store/accounts.ts';
import type { Clock } from '../store/clock.ts';
import { recordDecision, UnknownItemError, type RecordedDecision } from '../store/decisions.ts';
import { itemTarget } from '../store/itemRemote.ts';
import { enqueueOutbox, outboxEntryForDecision, type OutboxEntry } from '../store/outbox.ts';
import { idempotencyKey } from './idempotency.ts';
import { targetFromRow } from './target.ts';

export interface DecideInput {
  readonly itemId: string;
  readonly action: ModerationAction;
  readonly reason?: string | null | undefined;
  readonly params?: ActionParams | undefined;
  /** The caller's id for this request, so a retry after a lost reply does not decide twice. */
  readonly requestId?: string | null | undefined;
}

export interface Decided {
  readonly decision: RecordedDecision;
  /** Null when the item belongs to no account (demo seed rows): decided locally, nothing to send. */
  readonly outbox: OutboxEntry | null;
  /** True when the request id was seen before: nothing new was written. */
  readonly replayed: boolean;
}

export { UnknownItemError };

export function decideAndQueue(db: Database, input: DecideInput, who: Actor, clock: Clock): Decided {
  const row = itemTarget(db, input.itemId);
  if (!row) throw new UnknownItemError(`There is no item with id ${input.itemId}.`);
  const params: Record<string, unknown> = { ...input.params };
  if (input.reason && params['reason'] === undefined && input.action === 'ban') params['reason'] = input.reason;
  let outbox: OutboxEntry | null = null;
  const decisionInput = { itemId: input.itemId, action: input.action, reason: input.reason ?? null, params, requestId: input.requestId };
  const decision = recordDecision(db, decisionInput, who, clock, (recorded) => {
    if (row.accountId === null) return;
    outbox = enqueueOutbox(
      db,
      {
        decisionId: recorded.id,
        itemId: row.itemId,
        accountId: row.accountId,
        platform: row.platform,
        targetRemoteId: row.remoteId,
        action: input.action,
        params,
        target: targetFromRow(row),
        idempotencyKey: idempotencyKey({ platform: row.platform, targetRemoteId: row.remoteId, action: input.action, params, decisionId: recorded.id }),
      },
      clock,
    );
  });
  const { replayed, ...recorded } = decision;
  return { decision: recorded, outbox: replayed ? outboxEntryForDecision(db, recorded.id) : outbox, replayed };
}

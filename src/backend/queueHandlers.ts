// queue.* endpoints: a moderator's decision is written locally first — decision, item state, audit
// entry and (for items that belong to an account) the outbox entry, in one transaction — and shown
// at once; the sync engine carries it to the platform. A client request id makes a retried call
// (its reply was lost) return the first decision instead of deciding twice.
import type { Handlers } from '../api/dispatch.ts';
import { fail } from '../api/errors.ts';
import type { SyncService } from './sync/index.ts';

export function queueHandlers(sync: SyncService): Pick<Handlers, 'queue.decide'> {
  return {
    'queue.decide': (input) => {
      // The ban reason travels as the decision's reason; decideAndQueue hands it to the platform.
      const params = input.action === 'ban' ? { durationDays: input.durationDays ?? null, ...(input.message ? { message: input.message } : {}) } : {};
      const decided = sync.decide({ itemId: input.itemId, action: input.action, reason: input.reason ?? null, params, requestId: input.requestId ?? null });
      if (!decided.ok) return fail(decided.error.code, decided.error.message);
      const { decision, outbox } = decided.value;
      return { decisionId: decision.id, itemId: decision.itemId, action: decision.action, state: decision.state, queued: outbox !== null };
    },
  };
}

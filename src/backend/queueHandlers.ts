// queue.* endpoints: a moderator's decision is written locally first (decision, item state and
// audit entry in one transaction) and shown at once; the sync engine carries it to the platform.
import { fail } from '../api/errors.ts';
import type { Handlers } from '../api/dispatch.ts';
import { recordDecision, UnknownItemError } from '../store/decisions.ts';
import type { BackendContext } from './context.ts';

export function queueHandlers(ctx: BackendContext): Pick<Handlers, 'queue.decide'> {
  return {
    'queue.decide': (input) => {
      try {
        const params = input.action === 'ban' ? { durationDays: input.durationDays ?? null, message: input.message ?? null } : {};
        const decision = recordDecision(ctx.db, { itemId: input.itemId, action: input.action, reason: input.reason ?? null, params }, ctx.who, ctx.clock);
        ctx.events.emit({ type: 'items.changed', count: 1 });
        return { decisionId: decision.id, itemId: decision.itemId, action: decision.action, state: decision.state, queued: false };
      } catch (error) {
        if (error instanceof UnknownItemError) return fail('not_found', error.message);
        throw error;
      }
    },
  };
}

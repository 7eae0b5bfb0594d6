// queue.* endpoints: a moderator's decision is written locally first — decision, item state, audit
// entry and (for items that belong to an account) the outbox entry, in one transaction — and shown
// at once; the sync engine carries it to the platform. A client request id makes a retried call
// (its reply was lost) return the first decision instead of deciding twice. An action the item's
// platform does not have is refused before anything is written, account or not. A decision still
// waiting in the outbox (never tried) can be undone.
import type { Handlers } from '../api/dispatch.ts';
import { fail } from '../api/errors.ts';
import { platformCapabilities } from '../platforms/index.ts';
import { itemTarget } from '../store/itemRemote.ts';
import { undoDecision } from '../store/undo.ts';
import type { BackendContext } from './context.ts';
import type { SyncService } from './sync/index.ts';

const ACTION_WORDS = { approve: 'approve', remove: 'remove', spam: 'spam', ignore_reports: 'ignore-reports', ban: 'ban' } as const;

export function queueHandlers(sync: SyncService, ctx: BackendContext): Pick<Handlers, 'queue.decide' | 'queue.undo'> {
  return {
    'queue.decide': (input) => {
      const row = itemTarget(ctx.db, input.itemId);
      const capabilities = row ? platformCapabilities(row.platform) : null;
      if (row && capabilities && !capabilities.actions.includes(input.action)) {
        return fail('invalid_input', `${row.platform} has no ${ACTION_WORDS[input.action]} action; choose one it offers (${capabilities.actions.map((a) => ACTION_WORDS[a]).join(', ')}).`);
      }
      // The ban reason travels as the decision's reason; decideAndQueue hands it to the platform.
      const params = input.action === 'ban' ? { durationDays: input.durationDays ?? null, ...(input.message ? { message: input.message } : {}) } : {};
      const decided = sync.decide({ itemId: input.itemId, action: input.action, reason: input.reason ?? null, params, requestId: input.requestId ?? null });
      if (!decided.ok) return fail(decided.error.code, decided.error.message);
      const { decision, outbox } = decided.value;
      return { decisionId: decision.id, itemId: decision.itemId, action: decision.action, state: decision.state, queued: outbox !== null };
    },
    'queue.undo': ({ decisionId }) => {
      const undone = undoDecision(ctx.db, decisionId, ctx.who, ctx.clock);
      if (!undone.ok) return fail(undone.code, undone.message);
      ctx.events.emit({ type: 'items.changed', count: 1 });
      return { decisionId: undone.decisionId, itemId: undone.itemId, state: undone.state };
    },
  };
}

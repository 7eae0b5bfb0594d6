// sync.* and outbox.* endpoints: run a sync, go offline on purpose, see what waits in the outbox
// and settle conflicts. New items are scored by the on-device models after each pull.
import type { Handlers } from '../api/dispatch.ts';
import { fail } from '../api/errors.ts';
import type { ScoringService } from './scoringService.ts';
import type { SyncService } from './sync/index.ts';

type OutboxView = ReturnType<SyncService['listOutbox']>[number];
const toWire = (entry: OutboxView) => ({
  id: entry.id,
  itemId: entry.itemId,
  accountId: entry.accountId,
  platform: entry.platform,
  targetRemoteId: entry.targetRemoteId,
  action: entry.action,
  state: entry.state,
  attempts: entry.attempts,
  nextAttemptAt: entry.nextAttemptAt,
  lastError: entry.lastError,
  remoteSnapshot: entry.remoteSnapshot ?? null,
  createdAt: entry.createdAt,
  updatedAt: entry.updatedAt,
});

export function syncHandlers(
  sync: SyncService,
  scoring: ScoringService,
): Pick<Handlers, 'sync.status' | 'sync.run' | 'sync.setOffline' | 'outbox.list' | 'outbox.resolve'> {
  return {
    'sync.status': () => sync.status(),
    'sync.run': async () => {
      // Waits longer than a few seconds (rate limits, quota) are left to the next run.
      const summary = await sync.syncNow({ maxWaitMs: 5_000 });
      await scoring.scoreNew();
      return { ...summary, problems: [...summary.problems] };
    },
    'sync.setOffline': ({ offline }) => {
      sync.setOffline(offline);
      return sync.status();
    },
    'outbox.list': ({ state, limit }) => sync.listOutbox({ state, limit }).map(toWire),
    'outbox.resolve': ({ id, choice }) => {
      const resolved = sync.resolveConflict(id, choice);
      return resolved.ok ? toWire(resolved.value) : fail(resolved.error.code, resolved.error.message);
    },
  };
}

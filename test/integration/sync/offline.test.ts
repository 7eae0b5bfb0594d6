// Offline → act on 200 items → online (issue #3, Done means): every action reaches its platform,
// in order per item, and items another moderator changed meanwhile come back as conflicts with
// the remote snapshot instead of being overwritten.
import { afterEach, describe, expect, it } from 'vitest';
import type { ModerationAction, PlatformName } from '../../../src/core/domain.ts';
import { listItems } from '../../../src/store/items.ts';
import { listOutbox, outboxCounts } from '../../../src/store/outbox.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { startSyncHarness, type SyncHarness } from './harness.ts';

const tempDir = useTempDir('stoa-offline-');
let harness: SyncHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

interface Planned {
  readonly platform: PlatformName;
  readonly itemId: string;
  readonly remoteId: string;
  readonly actions: readonly ModerationAction[];
}

/** The platform's own name for an action in the simulator's write log. */
function wireName(platform: PlatformName, action: ModerationAction): string | RegExp {
  if (platform === 'reddit') return action;
  if (platform === 'youtube') return action === 'approve' ? 'setModerationStatus:published' : 'setModerationStatus:rejected';
  if (platform === 'instagram') return action === 'remove' ? 'hide' : action === 'approve' ? 'unhide' : 'delete';
  return action === 'remove' ? /^perform:(agree_and_hide|reject_post)$|^(agree_and_hide|reject_post)$/ : /./;
}

describe('offline, then online', () => {
  it('sends all 200 actions in order per item and surfaces remote changes as conflicts', { timeout: 120_000 }, async () => {
    const h = await startSyncHarness(tempDir(), { platforms: ['reddit', 'youtube', 'instagram', 'discourse'], seed: 11 });
    harness = h;
    const first = await h.sync.syncNow();
    expect(first.problems).toEqual([]);
    const { db } = h.backend.context;

    h.sync.setOffline(true);
    const plan: Planned[] = [];
    const take = (platform: PlatformName, count: number, actionsFor: (index: number) => ModerationAction[]) => {
      const items = listItems(db, { platform, state: 'open', sort: 'oldest', limit: count, cursor: null }).items;
      expect(items.length, platform).toBe(count);
      items.forEach((item, index) => plan.push({ platform, itemId: item.id, remoteId: item.remoteId, actions: actionsFor(index) }));
    };
    // Ten Reddit items get two decisions (approve, then remove): order per item is visible remotely.
    take('reddit', 70, (i) => (i < 10 ? ['approve', 'remove'] : [i % 2 ? 'remove' : 'approve']));
    take('youtube', 60, (i) => [i % 3 ? 'remove' : 'approve']);
    take('instagram', 40, () => ['remove']);
    take('discourse', 30, () => ['remove']);
    expect(new Set(plan.map((p) => p.itemId)).size).toBe(200);
    for (const entry of plan) {
      for (const action of entry.actions) {
        const decided = h.sync.decide({ itemId: entry.itemId, action });
        if (!decided.ok) throw new Error(decided.error.message);
      }
    }
    const offlineRun = await h.sync.syncNow();
    expect(offlineRun).toMatchObject({ acted: 0, offline: true, remaining: 210 });
    for (const platform of ['reddit', 'youtube', 'instagram', 'discourse']) expect(h.sim.state().platforms[platform]?.writes, platform).toEqual([]);

    // Meanwhile another moderator settles five of our Discourse items the other way.
    const drifted = plan.filter((p) => p.platform === 'discourse').slice(0, 5);
    const discourse = h.sim.simulator('discourse');
    for (const entry of drifted) expect(discourse.externalAction(entry.remoteId, 'disagree') || discourse.externalAction(entry.remoteId, 'approve_post')).toBe(true);

    h.sync.setOffline(false);
    const online = await h.sync.syncNow({ maxWaitMs: 30 * 60_000 });
    expect(online).toMatchObject({ acted: 205, failed: 0, conflicts: 5, remaining: 0, offline: false });
    expect(outboxCounts(db)).toEqual({ pending: 0, sending: 0, done: 205, failed: 0, conflict: 5 });

    // Every action reached its platform once, in the order it was decided.
    const state = h.sim.state();
    const driftedIds = new Set(drifted.map((d) => d.remoteId));
    for (const entry of plan) {
      const applied = (state.platforms[entry.platform]?.writes ?? []).filter((w) => w.target === entry.remoteId && w.applied).map((w) => w.action);
      if (driftedIds.has(entry.remoteId)) {
        expect(applied, `${entry.remoteId} must not be overwritten`).toEqual([]);
        continue;
      }
      expect(applied.length, `${entry.platform} ${entry.remoteId}`).toBe(entry.actions.length);
      entry.actions.forEach((action, index) => expect(applied[index]).toMatch(wireName(entry.platform, action)));
    }

    // The conflicts carry what the platform shows now, for a person to decide.
    const conflicts = listOutbox(db, { state: 'conflict', limit: 10 });
    expect(new Set(conflicts.map((c) => c.targetRemoteId))).toEqual(driftedIds);
    for (const conflict of conflicts) {
      expect(conflict.remoteSnapshot).toMatchObject({ remoteId: conflict.targetRemoteId, state: expect.not.stringMatching(/^open$/) });
      expect(conflict.lastError).toBeTruthy();
    }

    // Accepting the remote side sets the local state to it and closes the entry.
    const [one] = conflicts;
    if (!one) throw new Error('no conflict');
    const resolved = h.sync.resolveConflict(one.id, 'accept_remote');
    expect(resolved.ok && resolved.value.state).toBe('failed');
    const snapshot = one.remoteSnapshot as { state: string };
    const item = listItems(db, { platform: 'discourse', sort: 'oldest', limit: 500, cursor: null }).items.find((i) => i.remoteId === one.targetRemoteId);
    expect(item?.state).toBe(snapshot.state === 'deleted' ? 'removed' : snapshot.state);
  });
});

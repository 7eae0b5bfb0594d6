// The outbox between runs (issue #8 §5): a run that ends leaves nothing in 'sending' — an
// ambiguous write goes back to pending, unconfirmed, with its next attempt time — an entry a crash
// left in 'sending' is reconciled by a read at the very start of the next run whatever time it was
// scheduled for, a due action is sent before the pull spends the platform's window, and the
// summary says what is still queued and when its next try is.
import { afterEach, describe, expect, it } from 'vitest';
import { createRedditSimulator } from '../../../src/platforms/reddit/simulator.ts';
import { listItems } from '../../../src/store/items.ts';
import { getOutboxEntry, listOutbox, markSending, outboxCounts } from '../../../src/store/outbox.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { appliedWrites, startSyncHarness, type SyncHarness } from './harness.ts';

const tempDir = useTempDir('stoa-drain-');
let harness: SyncHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

async function withDecisions(platform: 'reddit' | 'youtube', action: 'approve' | 'remove', count: number) {
  harness = await startSyncHarness(tempDir(), { platforms: [platform] });
  const h = harness;
  await h.sync.pullAll();
  const items = listItems(h.backend.context.db, { platform, state: 'open', sort: 'oldest', limit: count, cursor: null }).items;
  expect(items).toHaveLength(count);
  const entryIds = items.map((item) => {
    const decided = h.sync.decide({ itemId: item.id, action });
    if (!decided.ok || !decided.value.outbox) throw new Error('not queued');
    return decided.value.outbox.id;
  });
  return { h, items, entryIds };
}

describe('outbox between runs', () => {
  it('leaves an ambiguous write pending and unconfirmed with its next try, then settles it by a read without resending', async () => {
    const { h, items, entryIds } = await withDecisions('youtube', 'approve', 2);
    const { db } = h.backend.context;
    // The batch is applied, then the connection drops before the answer.
    h.sim.faults.inject({ platform: 'youtube', kind: 'commit_then_drop', path: 'setModerationStatus' });
    const first = await h.sync.pushOutbox({ maxWaitMs: 0 });
    expect(first).toMatchObject({ acted: 0, remaining: 2 });
    expect(outboxCounts(db).sending).toBe(0);
    for (const id of entryIds) {
      const entry = getOutboxEntry(db, id);
      expect(entry).toMatchObject({ state: 'pending', unconfirmed: true, attempts: 1, errorClass: 'ambiguous' });
      expect(Date.parse(entry?.nextAttemptAt ?? '')).toBeGreaterThan(h.clock.now().getTime());
    }
    // The summary names the account, the count and the stored next attempt.
    const next = listOutbox(db, { limit: 10 }).map((entry) => entry.nextAttemptAt ?? '').sort()[0];
    expect(first.waiting).toEqual([{ accountId: h.accounts['youtube'], platform: 'youtube', count: 2, nextAttemptAt: next, reason: expect.stringMatching(/connection|applied/) }]);

    const second = await h.sync.pushOutbox({ maxWaitMs: 60_000 });
    expect(second).toMatchObject({ acted: 2, remaining: 0, waiting: [] });
    const applied = appliedWrites(h.sim, 'youtube');
    for (const item of items) expect(applied.get(item.remoteId)).toEqual(['setModerationStatus:published']);
  });

  it('reconciles an entry a crash left in "sending" at the start of the next run, before the pull, whatever its next attempt time', async () => {
    const { h, items, entryIds } = await withDecisions('reddit', 'remove', 1);
    const { db } = h.backend.context;
    const [item] = items;
    const [entryId] = entryIds;
    const entry = entryId ? getOutboxEntry(db, entryId) : null;
    if (!item || !entry) throw new Error('no entry');
    // A process sent the write, the platform applied it, and the process died before it heard
    // back: its row still says 'sending' (as a row from before `unconfirmed` existed would), and
    // an earlier failure scheduled it well past this run's patience.
    h.sim.faults.inject({ platform: 'reddit', kind: 'commit_then_drop', path: '/api/remove' });
    await h.sync.pushOutbox({ maxWaitMs: 0 });
    expect(appliedWrites(h.sim, 'reddit').get(item.remoteId)).toEqual(['remove']);
    markSending(db, entry.seq, h.backend.context.clock);
    db.prepare('UPDATE outbox SET unconfirmed = 0, next_attempt_at = ? WHERE seq = ?').run(new Date(h.clock.now().getTime() + 600_000).toISOString(), entry.seq);
    const before = h.sim.requests('reddit').length;

    const summary = await h.sync.syncNow({ maxWaitMs: 0 });
    expect(summary).toMatchObject({ acted: 1, remaining: 0 });
    expect(getOutboxEntry(db, entry.id)).toMatchObject({ state: 'done' });
    // No second write, and the reconciling read came before any queue page of the pull.
    expect(appliedWrites(h.sim, 'reddit').get(item.remoteId)).toEqual(['remove']);
    const requests = h.sim.requests('reddit').slice(before).filter((r) => !r.path.includes('access_token'));
    const firstListing = requests.findIndex((r) => r.path.includes('/about/'));
    const read = requests.findIndex((r) => r.path.endsWith('/api/info'));
    expect(read).toBeGreaterThanOrEqual(0);
    expect(firstListing).toBeGreaterThan(read);
    expect(requests.filter((r) => r.method === 'POST' && r.path.startsWith('/api/remove'))).toEqual([]);
  });

  it('sends a due action before the pull can spend the platform window it needs', async () => {
    // Reddit allows 12 requests per 600 s window here; one pull of this workspace takes about 8.
    harness = await startSyncHarness(tempDir(), { platforms: ['reddit'], factories: { reddit: createRedditSimulator({ items: 300, rateLimit: 12 }) } });
    const h = harness;
    await h.sync.pullAll();
    const [item] = listItems(h.backend.context.db, { platform: 'reddit', state: 'open', sort: 'oldest', limit: 1, cursor: null }).items;
    if (!item) throw new Error('no open item');
    h.sync.decide({ itemId: item.id, action: 'remove' });
    const summary = await h.sync.syncNow({ maxWaitMs: 0 });
    expect(summary).toMatchObject({ acted: 1, remaining: 0 });
    expect(appliedWrites(h.sim, 'reddit').get(item.remoteId)).toEqual(['remove']);
    // The pull still ran, into the throttle, which is the pull's problem and not the action's.
    expect(summary.problems.length).toBeGreaterThan(0);
  });

  it('queues a retried decision (same request id) once', async () => {
    const { h, items } = await withDecisions('reddit', 'approve', 1);
    const [item] = items;
    if (!item) throw new Error('no item');
    const first = h.sync.decide({ itemId: item.id, action: 'remove', requestId: 'ui-42' });
    const again = h.sync.decide({ itemId: item.id, action: 'remove', requestId: 'ui-42' });
    if (!first.ok || !again.ok) throw new Error('decide failed');
    expect(again.value).toMatchObject({ replayed: true, decision: first.value.decision, outbox: { id: first.value.outbox?.id } });
    expect(outboxCounts(h.backend.context.db).pending).toBe(2);
  });

  it('says when a throttled account will try again, and keeps its entries pending', async () => {
    const { h } = await withDecisions('reddit', 'approve', 2);
    h.sim.faults.inject({ platform: 'reddit', kind: 'rate_limit', path: '/api/approve', options: { reset: 300 } });
    const summary = await h.sync.syncNow({ maxWaitMs: 10_000 });
    const now = h.clock.now().getTime();
    expect(summary.remaining).toBe(2);
    expect(outboxCounts(h.backend.context.db)).toMatchObject({ pending: 2, sending: 0 });
    const [group] = summary.waiting;
    expect(summary.waiting).toHaveLength(1);
    expect(group).toMatchObject({ platform: 'reddit', count: 2 });
    // Both wait for the platform's reset (about 300 s), not for "now".
    const wait = Date.parse(group?.nextAttemptAt ?? '') - now;
    expect(wait).toBeGreaterThan(250_000);
    expect(wait).toBeLessThanOrEqual(300_000);
  });
});

// The sync engine against the simulators over HTTP: cursor pulls with quarantine, the outbox in
// one transaction with the decision, commit-then-drop and crash-while-sending reconciled by
// reading, throttling, permanent failures, conflicts, batching and offline mode.
import { afterEach, describe, expect, it } from 'vitest';
import { listItems } from '../../../src/store/items.ts';
import { countDecisions } from '../../../src/store/decisions.ts';
import { listOutbox, markSending, outboxCounts } from '../../../src/store/outbox.ts';
import { countQuarantined } from '../../../src/store/quarantine.ts';
import { getSyncCursor } from '../../../src/store/syncCursors.ts';
import { platformFor, removeWorkspaceAccount } from '../../../src/backend/sync/accounts.ts';
import { decideAndQueue } from '../../../src/sync/decide.ts';
import { SyncEngine } from '../../../src/sync/engine.ts';
import { listAccounts } from '../../../src/store/accounts.ts';
import { getSetting } from '../../../src/store/settings.ts';
import type { YoutubePlatform } from '../../../src/platforms/youtube/index.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { appliedWrites, startSyncHarness, type SyncHarness } from './harness.ts';

const tempDir = useTempDir('stoa-sync-');
let harness: SyncHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

async function start(platforms: string[], faultRate = 0): Promise<SyncHarness> {
  harness = await startSyncHarness(tempDir(), { platforms, faultRate });
  return harness;
}

const openItems = (h: SyncHarness, platform: 'reddit' | 'discourse' | 'youtube' | 'instagram', limit: number) =>
  listItems(h.backend.context.db, { platform, state: 'open', sort: 'oldest', limit, cursor: null }).items;

describe('pull', () => {
  it('walks every queue to the end, keeps remote versions and quarantines broken payloads without stopping', async () => {
    const h = await start(['reddit']);
    h.sim.faults.inject({ platform: 'reddit', kind: 'malformed_payload', path: '/about/', times: 2 });
    const summary = await h.sync.syncNow();
    const { db } = h.backend.context;
    expect(summary.problems).toEqual([]);
    expect(summary.quarantined).toBe(2);
    expect(countQuarantined(db)).toBe(2);
    expect(summary.pulled).toBeGreaterThan(100);
    for (const queue of ['modqueue', 'reports', 'spam', 'unmoderated']) expect(getSyncCursor(db, h.accounts['reddit'] ?? '', queue)).toBeNull();
    const remote = db.prepare('SELECT COUNT(*) FROM item_remote').pluck().get() as number;
    expect(remote).toBe(db.prepare('SELECT COUNT(*) FROM items').pluck().get() as number);
  });

  it('resumes an interrupted queue walk from its stored cursor', async () => {
    const h = await start(['reddit']);
    const ctx = h.backend.context;
    const [account] = listAccounts(ctx.db);
    if (!account) throw new Error('no account');
    const platform = platformFor(ctx, account, fetch);
    if (!platform.ok) throw new Error(platform.error.message);
    // One page per queue per run stands in for a run cut short after its first page.
    const engine = new SyncEngine({ db: ctx.db, clock: ctx.clock, accounts: () => [{ id: account.id, platform: platform.value }], maxPagesPerQueue: 1 });
    await engine.pullAll();
    const cursor = getSyncCursor(ctx.db, account.id, 'modqueue');
    expect(cursor).not.toBeNull();
    await engine.pullAll();
    const modqueueReads = h.sim.requests('reddit').filter((r) => r.path.endsWith('/about/modqueue'));
    expect(new URLSearchParams(modqueueReads.at(-1)?.query).get('after')).toBe(cursor);
    expect(getSyncCursor(ctx.db, account.id, 'modqueue')).not.toBe(cursor);
  });

  it('takes the platform state of items that left every queue (settled by someone else, or deleted)', async () => {
    const h = await start(['reddit']);
    await h.sync.syncNow();
    const [approved, deleted, mine] = openItems(h, 'reddit', 3);
    if (!approved || !deleted || !mine) throw new Error('need three open items');
    const reddit = h.sim.simulator('reddit');
    expect(reddit.externalAction(approved.remoteId, 'approve')).toBe(true);
    expect(reddit.externalAction(deleted.remoteId, 'remove')).toBe(true);
    expect(reddit.externalAction(mine.remoteId, 'approve')).toBe(true);
    // A decision of ours not yet sent: the outbox settles it, not the pull.
    h.sync.setOffline(true);
    h.sync.decide({ itemId: mine.id, action: 'spam' });
    h.sync.setOffline(false);
    await h.sync.pullAll();
    const stateOf = (id: string) => listItems(h.backend.context.db, { platform: 'reddit', sort: 'oldest', limit: 1000, cursor: null }).items.find((i) => i.id === id)?.state;
    expect(stateOf(approved.id)).toBe('approved');
    expect(stateOf(deleted.id)).toBe('removed');
    expect(stateOf(mine.id)).toBe('spam');
  });

  it('does not let a pull overwrite a decision that has not reached the platform yet', async () => {
    const h = await start(['reddit']);
    await h.sync.syncNow();
    const [item] = openItems(h, 'reddit', 1);
    if (!item) throw new Error('no open reddit item');
    h.sync.setOffline(true);
    expect(h.sync.decide({ itemId: item.id, action: 'remove' }).ok).toBe(true);
    h.sync.setOffline(false);
    await h.sync.pullAll();
    expect(listItems(h.backend.context.db, { platform: 'reddit', state: 'removed', sort: 'oldest', limit: 500, cursor: null }).items.map((i) => i.id)).toContain(item.id);
  });
});

describe('outbox', () => {
  it('writes the decision and its outbox entry together, or neither for an unknown item', async () => {
    const h = await start(['reddit']);
    await h.sync.syncNow();
    const [item] = openItems(h, 'reddit', 1);
    if (!item) throw new Error('no open reddit item');
    const decided = h.sync.decide({ itemId: item.id, action: 'approve' });
    if (!decided.ok) throw new Error(decided.error.message);
    expect(decided.value.outbox?.idempotencyKey).toMatch(/^[0-9a-f]{64}$/);
    expect(decided.value.outbox?.decisionId).toBe(decided.value.decision.id);
    const missing = h.sync.decide({ itemId: 'no-such-item', action: 'approve' });
    expect(missing.ok).toBe(false);
    expect(countDecisions(h.backend.context.db)).toBe(1);
    expect(outboxCounts(h.backend.context.db).pending).toBe(1);
  });

  it('after commit-then-drop, reads the remote state and does not apply the action twice', async () => {
    const h = await start(['reddit']);
    await h.sync.syncNow();
    const items = openItems(h, 'reddit', 3);
    for (const item of items) h.sync.decide({ itemId: item.id, action: 'remove' });
    h.sim.faults.inject({ platform: 'reddit', kind: 'commit_then_drop', path: '/api/remove', times: 3 });
    const summary = await h.sync.pushOutbox({ maxWaitMs: 60_000 });
    expect(summary).toMatchObject({ acted: 3, failed: 0, remaining: 0 });
    const applied = appliedWrites(h.sim, 'reddit');
    for (const item of items) expect(applied.get(item.remoteId)).toEqual(['remove']);
    expect(h.sim.faults.pending()).toEqual([]);
  });

  it('reconciles an entry left in "sending" by a crash instead of resending it blindly', async () => {
    const h = await start(['reddit']);
    await h.sync.syncNow();
    const [landed, lost] = openItems(h, 'reddit', 2);
    if (!landed || !lost) throw new Error('need two open items');
    const { db, clock } = h.backend.context;
    for (const item of [landed, lost]) h.sync.decide({ itemId: item.id, action: 'approve' });
    // The process died after marking both 'sending': the first request had reached Reddit (applied
    // by "us" before the crash, recorded here as another client's action), the second had not.
    for (const entry of listOutbox(db, { limit: 10 })) markSending(db, entry.seq, clock);
    expect(h.sim.simulator('reddit').externalAction(landed.remoteId, 'approve')).toBe(true);
    const summary = await h.sync.pushOutbox();
    expect(summary).toMatchObject({ acted: 2, remaining: 0 });
    const writes = h.sim.state().platforms['reddit']?.writes ?? [];
    expect(writes.filter((w) => w.target === landed.remoteId)).toEqual([]);
    expect(writes.filter((w) => w.target === lost.remoteId).map((w) => [w.action, w.applied])).toEqual([['approve', true]]);
  });

  it('waits out a 429 for the whole account and records a permanent failure with its reason', async () => {
    const h = await start(['reddit']);
    await h.sync.syncNow();
    const [a, b] = openItems(h, 'reddit', 2);
    if (!a || !b) throw new Error('need two open items');
    h.sync.decide({ itemId: a.id, action: 'spam' });
    // The service refuses this ban up front; written straight to the outbox (as an older Stoa or
    // a changed platform limit could have), the platform's refusal becomes a failed entry.
    expect(h.sync.decide({ itemId: b.id, action: 'ban', params: { reason: 'x'.repeat(101) } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    decideAndQueue(h.backend.context.db, { itemId: b.id, action: 'ban', params: { reason: 'x'.repeat(101) } }, h.backend.context.who, h.backend.context.clock);
    h.sim.faults.inject({ platform: 'reddit', kind: 'rate_limit', path: '/api/remove', options: { reset: 30 } });
    const before = h.clock.nowMs();
    const summary = await h.sync.pushOutbox({ maxWaitMs: 120_000 });
    expect(summary).toMatchObject({ acted: 1, failed: 1, remaining: 0 });
    expect(h.clock.nowMs() - before).toBeGreaterThanOrEqual(30_000);
    const failed = listOutbox(h.backend.context.db, { state: 'failed', limit: 5 });
    expect(failed.map((e) => [e.errorClass, e.lastError])).toEqual([['TOO_LONG', 'ban reason is over 100 characters']]);
    expect(appliedWrites(h.sim, 'reddit').get(a.remoteId)).toEqual(['spam']);
  });

  it('sends YouTube actions in batches of at most 50 ids', async () => {
    const h = await start(['youtube']);
    await h.sync.syncNow();
    const items = openItems(h, 'youtube', 60);
    expect(items.length).toBe(60);
    for (const item of items) h.sync.decide({ itemId: item.id, action: 'remove' });
    const summary = await h.sync.pushOutbox();
    expect(summary).toMatchObject({ acted: 60, remaining: 0 });
    const calls = h.sim.requests('youtube').filter((r) => r.path.includes('setModerationStatus'));
    expect(calls.map((r) => new URLSearchParams(r.query).get('id')?.split(',').length)).toEqual([50, 10]);
  });

  it('keeps the YouTube quota spent today in the workspace, for the next connector and the next process', async () => {
    const h = await start(['youtube']);
    await h.sync.syncNow();
    const ctx = h.backend.context;
    const key = `connector-usage:${h.accounts['youtube'] ?? ''}`;
    const spentAfterPull = getSetting<{ day: string; used: number }>(ctx.db, key);
    expect(spentAfterPull?.used).toBeGreaterThan(0);
    const items = openItems(h, 'youtube', 3);
    for (const item of items) h.sync.decide({ itemId: item.id, action: 'remove' });
    await h.sync.pushOutbox();
    // One setModerationStatus call for the three ids: 50 units, written through as it was spent.
    expect(getSetting<{ used: number }>(ctx.db, key)?.used).toBe((spentAfterPull?.used ?? 0) + 50);
    const [account] = listAccounts(ctx.db);
    if (!account) throw new Error('no account');
    const platform = platformFor(ctx, account, fetch);
    if (!platform.ok) throw new Error(platform.error.message);
    expect((platform.value as YoutubePlatform).quota()).toEqual(getSetting(ctx.db, key));
    expect(removeWorkspaceAccount(ctx, account.id, { discardQueued: true }).ok).toBe(true);
    expect(getSetting(ctx.db, key)).toBeUndefined();
  });
});

describe('offline', () => {
  it('manual: queues but sends nothing; detected: refused connections spend no attempts and resume later', async () => {
    const h = await start(['reddit']);
    await h.sync.syncNow();
    const items = openItems(h, 'reddit', 4);
    h.sync.setOffline(true);
    for (const item of items) h.sync.decide({ itemId: item.id, action: 'approve' });
    const offlineRun = await h.sync.syncNow();
    expect(offlineRun).toMatchObject({ acted: 0, remaining: 4, offline: true });
    expect(h.sim.state().platforms['reddit']?.writes).toEqual([]);

    h.sync.setOffline(false);
    h.setNetwork(false);
    const cut = await h.sync.syncNow();
    expect(cut).toMatchObject({ acted: 0, failed: 0, remaining: 4, offline: true });
    expect(h.events).toContainEqual({ type: 'connectivity', online: false });
    expect(listOutbox(h.backend.context.db, { limit: 10 }).every((e) => e.attempts === 0)).toBe(true);

    h.setNetwork(true);
    const back = await h.sync.syncNow();
    expect(back).toMatchObject({ acted: 4, remaining: 0, offline: false });
    expect(h.events).toContainEqual({ type: 'connectivity', online: true });
  });
});

describe('accounts', () => {
  it('will not drop unsent actions silently when an account is removed, and keeps sent history', async () => {
    const h = await start(['reddit']);
    await h.sync.syncNow();
    const [sent, unsent] = openItems(h, 'reddit', 2);
    if (!sent || !unsent) throw new Error('need two open items');
    h.sync.decide({ itemId: sent.id, action: 'approve' });
    await h.sync.pushOutbox();
    h.sync.decide({ itemId: unsent.id, action: 'remove' });
    const ctx = h.backend.context;
    const accountId = h.accounts['reddit'] ?? '';
    const refused = removeWorkspaceAccount(ctx, accountId);
    expect(refused.ok ? null : refused.error.message).toMatch(/1 action\(s\) for this account have not been sent yet/);
    expect(removeWorkspaceAccount(ctx, accountId, { discardQueued: true })).toEqual({ ok: true, value: { removed: true, discarded: 1 } });
    expect(listAccounts(ctx.db)).toEqual([]);
    expect(outboxCounts(ctx.db)).toMatchObject({ done: 1, failed: 1, pending: 0 });
    expect(listOutbox(ctx.db, { state: 'failed', limit: 1 })[0]?.errorClass).toBe('account_removed');
  });
});

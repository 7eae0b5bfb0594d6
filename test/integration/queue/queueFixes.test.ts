// The queue's backend fixes from #9 on a real store, real handlers and the simulators over HTTP:
// actions offered and refused by platform capabilities, undo while a decision waits in the
// outbox, hashtag and phrase search, HTML references decoded, copies counted, pulls that count
// each item once and never reopen a decided Instagram comment.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callOrThrow, createClient } from '../../../src/api/client.ts';
import { inProcessTransport } from '../../../src/api/inProcess.ts';
import { listItems, upsertItems } from '../../../src/store/items.ts';
import { MIGRATIONS } from '../../../src/store/migrations/index.ts';
import { openDatabase } from '../../../src/store/open.ts';
import { outboxEntryForDecision } from '../../../src/store/outbox.ts';
import { searchItems, toItemQuery } from '../../../src/store/search.ts';
import { fixedClock } from '../../support/fixedClock.ts';
import { sampleItem } from '../../support/sampleItems.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { openTestWorkspace, type TestWorkspace } from '../../support/workspace.ts';
import { startSyncHarness, type SyncHarness } from '../sync/harness.ts';

const tempDir = useTempDir('stoa-queue-');
let open: TestWorkspace | null = null;
let harness: SyncHarness | null = null;
afterEach(async () => {
  await open?.close();
  await harness?.close();
  open = null;
  harness = null;
});

describe('queue fixes', () => {
  it('offers each platform only its own actions and refuses the others before writing anything', async () => {
    open = await openTestWorkspace(tempDir(), 'in-process');
    const { client, backend } = open;
    upsertItems(backend.context.db, [
      sampleItem(1, { platform: 'instagram' }),
      sampleItem(2, { platform: 'youtube' }),
      sampleItem(3, { platform: 'discourse' }),
      sampleItem(4, { platform: 'reddit' }),
    ], fixedClock());
    const ids = Object.fromEntries((await callOrThrow(client, 'items.list', { limit: 10 })).items.map((i) => [i.platform, i.id]));
    const caps = async (platform: string) => (await callOrThrow(client, 'items.get', { id: ids[platform] ?? '' })).capabilities;
    expect((await caps('instagram')).actions).toEqual(['approve', 'remove', 'spam']);
    expect((await caps('instagram')).ban).toBeNull();
    expect((await caps('youtube')).actions).toEqual(['approve', 'remove', 'ban']);
    expect((await caps('youtube')).ban?.maxDays).toBeNull(); // permanent bans only
    expect((await caps('discourse')).actions).not.toContain('spam');
    expect((await caps('reddit')).actions).toEqual(['approve', 'remove', 'spam', 'ignore_reports', 'ban']);

    const refused = await client.call('queue.decide', { itemId: ids['instagram'] ?? '', action: 'ban', durationDays: 3 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'instagram has no ban action; choose one it offers (approve, remove, spam).' } });
    expect(await client.call('queue.decide', { itemId: ids['youtube'] ?? '', action: 'spam' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await callOrThrow(client, 'items.get', { id: ids['instagram'] ?? '' })).decisions).toEqual([]);
    // What the platform has still works, and the queue goes on.
    expect(await callOrThrow(client, 'queue.decide', { itemId: ids['youtube'] ?? '', action: 'remove' })).toMatchObject({ state: 'removed' });
  });

  it('finds hashtags as hashtags and quoted words as a phrase', () => {
    const db = openDatabase(join(tempDir(), 'search.sqlite'));
    upsertItems(db, [
      sampleItem(1, { body: 'Loving this serum #ad #glowco' }),
      sampleItem(2, { body: 'There is an add on for the palette' }),
      sampleItem(3, { body: 'Use my discount code GLOW20 at checkout' }),
      sampleItem(4, { body: 'The code gives a discount of 20%' }),
      sampleItem(5, { body: 'Not an ad, just a #adventure vlog' }),
    ], fixedClock());
    const found = (text: string) => searchItems(db, text, 10, 0).items.map((h) => h.remoteId).sort();
    expect(found('#ad')).toEqual(['c1']);
    expect(found('#AD serum')).toEqual(['c1']);
    expect(found('ad')).toEqual(['c1', 'c2', 'c5']); // a plain word still matches as you type
    expect(found('discount code')).toEqual(['c3', 'c4']);
    expect(found('"discount code"')).toEqual(['c3']);
    expect(found('"discount code" glow20')).toEqual(['c3']);
    expect(toItemQuery('#ad "discount code" che')).toEqual({ match: '"discount code" "ad" "che"*', hashtags: ['ad'] });
    db.close();
  });

  it('shows decoded text for rows stored with HTML references, and counts copies of one text', async () => {
    open = await openTestWorkspace(tempDir(), 'in-process');
    const { client, backend } = open;
    const spam = 'Check my channel for FREE followers!!!';
    upsertItems(backend.context.db, [
      sampleItem(1, { body: spam }),
      sampleItem(2, { body: 'check my channel for free followers' }),
      sampleItem(3, { body: 'Check my channel for free followers&#33;&#33;' }),
      sampleItem(4, { title: '&#8220;Best&#8221; blush &amp; more', body: 'A review of the blush' }),
    ], fixedClock());
    const items = (await callOrThrow(client, 'items.list', { limit: 10 })).items;
    const byRemote = new Map(items.map((i) => [i.remoteId, i]));
    expect([1, 2, 3].map((n) => byRemote.get(`c${n}`)?.copies)).toEqual([3, 3, 3]);
    expect(byRemote.get('c4')?.copies).toBe(1);
    expect(byRemote.get('c4')?.title).toBe('\u201cBest\u201d blush & more');
    expect(byRemote.get('c3')?.body).toBe('Check my channel for free followers!!');
    const hit = (await callOrThrow(client, 'items.search', { query: 'best blush' })).items[0];
    expect(hit?.snippet).not.toContain('&#8220;');
  });

  it('keys rows stored before migration 0018 so their copies count too', () => {
    const file = join(tempDir(), 'upgrade.sqlite');
    // Every step up to 0018, as a workspace written by the previous version has them.
    const before = MIGRATIONS.slice(0, MIGRATIONS.findIndex((m) => m.name === 'text-copies'));
    const old = openDatabase(file, { migrations: before });
    const insert = old.prepare(
      "INSERT INTO items (id, platform, remote_id, kind, body, created_at, fetched_at, updated_at, raw) VALUES (?, 'youtube', ?, 'comment', ?, ?, ?, ?, '{}')",
    );
    const now = fixedClock().now().toISOString();
    insert.run('i1', 'c1', 'Follow me for FREE followers today', now, now, now);
    insert.run('i2', 'c2', 'follow me for free followers today!!', now, now, now);
    insert.run('i3', 'c3', 'a different comment entirely here', now, now, now);
    old.close();
    const upgraded = openDatabase(file);
    const copies = listItems(upgraded, { sort: 'oldest', limit: 10, cursor: null }).items.map((i) => [i.remoteId, i.copies]);
    expect(copies).toEqual([['c1', 2], ['c2', 2], ['c3', 1]]);
    upgraded.close();
  });

  it('undoes the last decision while it waits in the outbox, and refuses once it was tried', async () => {
    harness = await startSyncHarness(tempDir(), { platforms: ['reddit'] });
    const h = harness;
    const client = createClient(inProcessTransport(h.backend.handlers, h.backend.events));
    await h.sync.pullAll();
    const [first, second] = (await callOrThrow(client, 'items.list', { state: 'open', sort: 'oldest', limit: 2 })).items;
    if (!first || !second) throw new Error('the simulator gave fewer than two open items');
    const removed = await callOrThrow(client, 'queue.decide', { itemId: first.id, action: 'remove' });
    expect(await callOrThrow(client, 'queue.undo', { decisionId: removed.decisionId })).toEqual({ decisionId: removed.decisionId, itemId: first.id, state: 'open' });
    expect(outboxEntryForDecision(h.backend.context.db, removed.decisionId)).toMatchObject({ state: 'failed', errorClass: 'undone' });
    // Nothing to wait for and nothing that needs a person.
    expect((await callOrThrow(client, 'sync.status', {})).stats.outbox).toMatchObject({ pending: 0, failed: 0 });
    expect(await client.call('queue.undo', { decisionId: removed.decisionId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await callOrThrow(client, 'audit.verify', {})).ok).toBe(true);

    // Sent is sent: the platform already has it, so undo says so instead of pretending.
    const approved = await callOrThrow(client, 'queue.decide', { itemId: second.id, action: 'approve' });
    await h.sync.pushOutbox();
    expect(await client.call('queue.undo', { decisionId: approved.decisionId })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('sent to the platform') } });
    // The undone removal never reached the simulator; the approval did.
    const targets = (h.sim.state().platforms['reddit']?.writes ?? []).filter((w) => w.applied).map((w) => w.action);
    expect(targets).toEqual(['approve']);
  });

  it('counts each pulled item once and never reopens a decided Instagram comment', async () => {
    harness = await startSyncHarness(tempDir(), { platforms: ['reddit', 'discourse', 'youtube', 'instagram'] });
    const h = harness;
    const { db } = h.backend.context;
    const summary = await h.sync.pullAll();
    // Items sit in several Reddit queues at once; "pulled" and the queue's count must agree.
    expect(summary.pulled).toBe(db.prepare('SELECT COUNT(*) FROM items').pluck().get());

    const client = createClient(inProcessTransport(h.backend.handlers, h.backend.events));
    const [comment] = (await callOrThrow(client, 'items.list', { platform: 'instagram', state: 'open', limit: 1 })).items;
    if (!comment) throw new Error('no open Instagram comment');
    await callOrThrow(client, 'queue.decide', { itemId: comment.id, action: 'approve' });
    await h.sync.pushOutbox();
    expect(outboxEntryForDecision(db, (await callOrThrow(client, 'items.get', { id: comment.id })).decisions[0]?.id ?? '')?.state).toBe('done');
    // A fresh walk from the head: Instagram shows the approved comment as plain visible (open).
    db.prepare('DELETE FROM sync_cursors').run();
    await h.sync.pullAll();
    expect((await callOrThrow(client, 'items.get', { id: comment.id })).state).toBe('approved');
  });
});

// The author panel, thread parent and per-decision outbox status of #9 over a real on-disk
// workspace: items by one person across communities (and across platforms only through an
// explicit link), paged without a cap; labelled, expiring person notes, audited; a comment's
// parent from the stored items; and queued → sent / failed with its reason → retried, read from
// the outbox rows after real pushes to the Reddit simulator over HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { callOrThrow, createClient, type StoaClient } from '../../../src/api/client.ts';
import { inProcessTransport } from '../../../src/api/inProcess.ts';
import { join } from 'node:path';
import { upsertItems } from '../../../src/store/items.ts';
import { MIGRATIONS } from '../../../src/store/migrations/index.ts';
import { openDatabase } from '../../../src/store/open.ts';
import { similarItems } from '../../../src/store/nearCopies.ts';
import { fixedClock } from '../../support/fixedClock.ts';
import { sampleItem } from '../../support/sampleItems.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { openTestWorkspace, type TestWorkspace } from '../../support/workspace.ts';
import { startSyncHarness, type SyncHarness } from '../sync/harness.ts';

const tempDir = useTempDir('stoa-author-');
let open: TestWorkspace | null = null;
let harness: SyncHarness | null = null;
afterEach(async () => {
  await open?.close();
  await harness?.close();
  open = null;
  harness = null;
});

const ana = { remoteId: 'ana_r', name: 'ana' };

async function seeded(): Promise<{ client: StoaClient; ws: TestWorkspace; ids: Record<string, string> }> {
  open = await openTestWorkspace(tempDir(), 'http');
  const ws = open;
  const clock = fixedClock();
  upsertItems(
    ws.backend.context.db,
    [
      // Ana on Reddit in two communities, a post and a reply to it; a namesake on YouTube (not linked).
      sampleItem(1, { platform: 'reddit', remoteId: 't3_p1', kind: 'post', title: 'Giveaway!', body: 'Win a palette', author: ana, community: { remoteId: 'beauty', name: 'beauty' } }),
      sampleItem(2, { platform: 'reddit', remoteId: 't1_c1', parentRemoteId: 't3_p1', body: 'DM me for the code', author: ana, community: { remoteId: 'makeup', name: 'makeup' }, reports: [{ source: 'user', reason: 'spam', count: 3 }] }),
      sampleItem(3, { platform: 'reddit', remoteId: 't1_c2', parentRemoteId: 't3_gone', body: 'replying to something old', author: ana, url: 'https://www.reddit.com/r/makeup/comments/gone/_/c2/' }),
      sampleItem(4, { platform: 'youtube', remoteId: 'yt1', body: 'same name, other person', author: { remoteId: 'UCana', name: 'ana' } }),
      sampleItem(5, { platform: 'reddit', remoteId: 't1_c3', body: 'someone else', author: { remoteId: 'bob', name: 'bob' } }),
    ],
    clock,
  );
  const client = ws.client;
  const list = await callOrThrow(client, 'items.list', { limit: 10 });
  const ids = Object.fromEntries(list.items.map((i) => [i.remoteId, i.id]));
  return { client, ws, ids };
}

describe('author panel endpoints', () => {
  it("shows the author's items in every community, decisions and reports, but not a namesake on another platform", async () => {
    const { client, ids } = await seeded();
    await callOrThrow(client, 'queue.decide', { itemId: ids['t1_c1'] ?? '', action: 'remove' });
    // These items came from no account: the decision never leaves this machine, and says so.
    expect((await callOrThrow(client, 'items.decisionStatus', { id: ids['t1_c1'] ?? '' })).map((d) => d.status)).toEqual([
      { kind: 'local', label: 'kept locally', reason: null, actionable: false },
    ]);
    const profile = await callOrThrow(client, 'authors.get', { itemId: ids['t1_c1'] ?? '' });
    expect(profile).toMatchObject({ author: { platform: 'reddit', remoteId: 'ana_r', name: 'ana' }, linked: [], itemCount: 3, reportedItems: 1, reportCount: 3, decisions: { remove: 1 } });
    const items = await callOrThrow(client, 'authors.items', { authorId: profile?.author.id ?? '', limit: 10 });
    expect(items.items.map((i) => [i.remoteId, i.community])).toEqual([
      ['t1_c2', 'Launch video'],
      ['t1_c1', 'makeup'],
      ['t3_p1', 'beauty'],
    ]);
    expect(items.items[1]?.lastDecision).toMatchObject({ action: 'remove' });
    expect(items.nextCursor).toBeNull();
  });

  it('pages through every item without a cap', async () => {
    const { client, ids } = await seeded();
    const profile = await callOrThrow(client, 'authors.get', { itemId: ids['t3_p1'] ?? '' });
    const authorId = profile?.author.id ?? '';
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { remoteId: string }[]; nextCursor: string | null } = await callOrThrow(client, 'authors.items', { authorId, limit: 1, cursor });
      seen.push(...page.items.map((i) => i.remoteId));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(['t1_c2', 't1_c1', 't3_p1']);
  });

  it('joins accounts across platforms only through an explicit, audited link', async () => {
    const { client, ids } = await seeded();
    const reddit = await callOrThrow(client, 'authors.get', { itemId: ids['t3_p1'] ?? '' });
    const youtube = await callOrThrow(client, 'authors.get', { itemId: ids['yt1'] ?? '' });
    expect(youtube?.itemCount).toBe(1);
    // Candidates are exact names on the platform asked about, never guessed across platforms.
    expect((await callOrThrow(client, 'authors.find', { platform: 'youtube', name: 'ANA' })).map((a) => a.remoteId)).toEqual(['UCana']);
    expect(await callOrThrow(client, 'authors.find', { platform: 'youtube', name: 'an' })).toEqual([]);
    const linked = await callOrThrow(client, 'authors.link', { authorId: reddit?.author.id ?? '', otherAuthorId: youtube?.author.id ?? '' });
    expect(linked.linked.map((a) => [a.platform, a.remoteId])).toEqual([['youtube', 'UCana']]);
    expect(linked.itemCount).toBe(4);
    // The link reads both ways.
    expect((await callOrThrow(client, 'authors.get', { authorId: youtube?.author.id ?? '' }))?.itemCount).toBe(4);
    const self = await client.call('authors.link', { authorId: reddit?.author.id ?? '', otherAuthorId: reddit?.author.id ?? '' });
    expect(self).toEqual({ ok: false, error: { code: 'invalid_input', message: 'An author cannot be linked to themselves.' } });
  });

  it('undoes a link, audited like the link, and refuses one that is not there with a sentence', async () => {
    const { client, ws, ids } = await seeded();
    const reddit = (await callOrThrow(client, 'authors.get', { itemId: ids['t3_p1'] ?? '' }))?.author.id ?? '';
    const youtube = (await callOrThrow(client, 'authors.get', { itemId: ids['yt1'] ?? '' }))?.author.id ?? '';
    const bob = (await callOrThrow(client, 'authors.get', { itemId: ids['t1_c3'] ?? '' }))?.author.id ?? '';
    await callOrThrow(client, 'authors.link', { authorId: reddit, otherAuthorId: youtube });
    await callOrThrow(client, 'authors.link', { authorId: youtube, otherAuthorId: bob });
    expect((await callOrThrow(client, 'authors.get', { authorId: reddit }))?.itemCount).toBe(5);
    // Bob is reached only through the YouTube account: that link is the one to undo.
    expect(await client.call('authors.unlink', { authorId: reddit, otherAuthorId: bob })).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'bob on reddit is not linked to this author; they are linked through ana on youtube: unlink that account instead.' },
    });
    // Undone from either side; the link reads as gone both ways.
    const apart = await callOrThrow(client, 'authors.unlink', { authorId: youtube, otherAuthorId: reddit });
    expect(apart.linked.map((a) => a.name)).toEqual(['bob']);
    expect(apart.itemCount).toBe(2);
    const alone = await callOrThrow(client, 'authors.get', { authorId: reddit });
    expect(alone).toMatchObject({ linked: [], itemCount: 3 });
    expect((await callOrThrow(client, 'authors.items', { authorId: reddit, limit: 10 })).items.map((i) => i.remoteId)).toEqual(['t1_c2', 't1_c1', 't3_p1']);
    expect(await client.call('authors.unlink', { authorId: reddit, otherAuthorId: youtube })).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'ana on youtube is not linked to this author.' },
    });
    expect(await client.call('authors.unlink', { authorId: reddit, otherAuthorId: 'nobody' })).toEqual({ ok: false, error: { code: 'not_found', message: 'There is no author with id nobody.' } });
    const audit = ws.backend.context.db.prepare("SELECT action, actor, subject, details FROM audit_log WHERE action LIKE 'author.%' ORDER BY seq").all() as { action: string; actor: string; subject: string; details: string }[];
    expect(audit.map((a) => [a.action, a.subject, JSON.parse(a.details) as unknown])).toEqual([
      ['author.link', reddit, { linkedId: youtube }],
      ['author.link', youtube, { linkedId: bob }],
      ['author.unlink', youtube, { linkedId: reddit }],
    ]);
    expect(new Set(audit.map((a) => a.actor))).toEqual(new Set([ws.backend.context.who.actor]));
  });

  it('adds labelled person notes with an expiry, lists them, removes one, and audits each step', async () => {
    const { client, ws, ids } = await seeded();
    const profile = await callOrThrow(client, 'authors.get', { itemId: ids['t1_c1'] ?? '' });
    const authorId = profile?.author.id ?? '';
    const warning = await callOrThrow(client, 'personNotes.add', { authorId, label: 'spam_warning', body: 'Warned about DM codes', expiresAt: '2026-12-25T12:00:00.000Z', itemId: ids['t1_c1'] });
    expect(warning).toMatchObject({ label: 'spam_warning', body: 'Warned about DM codes', expiresAt: '2026-12-25T12:00:00.000Z', active: true, itemId: ids['t1_c1'], removedAt: null });
    const helpful = await callOrThrow(client, 'personNotes.add', { authorId, label: 'helpful' });
    expect(helpful.body).toBe('');

    const bad = await client.call('personNotes.add', { authorId, label: 'spam_warning', expiresAt: '2026-11-01T00:00:00.000Z' });
    expect(bad).toEqual({ ok: false, error: { code: 'invalid_input', message: 'The expiry must be in the future.' } });
    const nobody = await client.call('personNotes.add', { authorId: 'nobody', label: 'ban' });
    expect(nobody).toEqual({ ok: false, error: { code: 'not_found', message: 'There is no author with id nobody.' } });

    const listed = await callOrThrow(client, 'personNotes.list', { authorId, limit: 1 });
    expect(listed.notes.map((n) => n.label)).toEqual(['helpful']);
    const rest = await callOrThrow(client, 'personNotes.list', { authorId, limit: 1, cursor: listed.nextCursor });
    expect(rest.notes.map((n) => n.label)).toEqual(['spam_warning']);

    const removed = await callOrThrow(client, 'personNotes.remove', { id: helpful.id });
    expect(removed).toMatchObject({ active: false, removedBy: ws.backend.context.who.actor });
    expect(await client.call('personNotes.remove', { id: helpful.id })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await callOrThrow(client, 'personNotes.list', { authorId })).notes.map((n) => n.label)).toEqual(['spam_warning']);
    expect((await callOrThrow(client, 'personNotes.list', { authorId, includeRemoved: true })).notes).toHaveLength(2);

    const audited = ws.backend.context.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'person_note.%' ORDER BY seq").pluck().all();
    expect(audited).toEqual(['person_note.add', 'person_note.add', 'person_note.remove']);
    expect((await callOrThrow(client, 'audit.verify', {})).ok).toBe(true);
  });

  it("shows a comment's stored parent, and says so when the parent was never synced", async () => {
    const { client, ids } = await seeded();
    const reply = await callOrThrow(client, 'items.parent', { id: ids['t1_c1'] ?? '' });
    expect(reply.parentRemoteId).toBe('t3_p1');
    expect(reply.parent).toMatchObject({ id: ids['t3_p1'], title: 'Giveaway!', body: 'Win a palette' });
    const orphan = await callOrThrow(client, 'items.parent', { id: ids['t1_c2'] ?? '' });
    expect(orphan).toEqual({ parentRemoteId: 't3_gone', parent: null, itemUrl: 'https://www.reddit.com/r/makeup/comments/gone/_/c2/' });
    expect(await callOrThrow(client, 'items.parent', { id: ids['t3_p1'] ?? '' })).toMatchObject({ parentRemoteId: null, parent: null });
  });
});

describe('decision status from the outbox', () => {
  it('goes queued → sent, failed with the platform reason → queued again on retry → sent', async () => {
    harness = await startSyncHarness(tempDir(), { platforms: ['reddit'] });
    const h = harness;
    const client = createClient(inProcessTransport(h.backend.handlers, h.backend.events));
    await h.sync.pullAll();
    const [first, second] = (await callOrThrow(client, 'items.list', { state: 'open', sort: 'oldest', limit: 2 })).items;
    if (!first || !second) throw new Error('the simulator gave fewer than two open items');

    await callOrThrow(client, 'queue.decide', { itemId: first.id, action: 'approve' });
    expect((await callOrThrow(client, 'items.decisionStatus', { id: first.id })).map((d) => d.status.kind)).toEqual(['queued']);
    await h.sync.pushOutbox();
    const sent = await callOrThrow(client, 'items.decisionStatus', { id: first.id });
    expect(sent.map((d) => [d.action, d.status.kind, d.entry?.state])).toEqual([['approve', 'sent', 'done']]);

    // The platform refuses the removal for good (403: not a moderator with that permission).
    h.sim.faults.inject({ platform: 'reddit', method: 'POST', path: '/api/remove', kind: 'server_error', options: { status: 403 } });
    await callOrThrow(client, 'queue.decide', { itemId: second.id, action: 'remove' });
    await h.sync.pushOutbox();
    const [failed] = await callOrThrow(client, 'items.decisionStatus', { id: second.id });
    expect(failed?.status).toMatchObject({ kind: 'failed', actionable: true });
    expect(failed?.status.reason).toMatch(/not a moderator of r\/\S+ with the needed permission/);

    const retried = await callOrThrow(client, 'outbox.resolve', { id: failed?.entry?.id ?? '', choice: 'retry' });
    expect(retried.state).toBe('pending');
    await h.sync.pushOutbox();
    expect((await callOrThrow(client, 'items.decisionStatus', { id: second.id }))[0]?.status.kind).toBe('sent');

    expect(await client.call('items.decisionStatus', { id: 'no-such-item' })).toEqual({ ok: false, error: { code: 'not_found', message: 'There is no item with id no-such-item.' } });
  });
});

describe('decision status of a conflict', () => {
  it('shows the remote state and settles with take theirs (platform kept) or keep mine (queued again)', async () => {
    harness = await startSyncHarness(tempDir(), { platforms: ['discourse'] });
    const h = harness;
    const client = createClient(inProcessTransport(h.backend.handlers, h.backend.events));
    await h.sync.pullAll();
    const [theirs, mine] = (await callOrThrow(client, 'items.list', { state: 'open', sort: 'oldest', limit: 2 })).items;
    if (!theirs || !mine) throw new Error('the simulator gave fewer than two open items');
    h.sync.setOffline(true);
    for (const item of [theirs, mine]) await callOrThrow(client, 'queue.decide', { itemId: item.id, action: 'remove' });
    // Meanwhile another moderator settles both the other way on Discourse.
    const discourse = h.sim.simulator('discourse');
    for (const item of [theirs, mine]) expect(discourse.externalAction(item.remoteId, 'approve_post') || discourse.externalAction(item.remoteId, 'disagree')).toBe(true);
    h.sync.setOffline(false);
    await h.sync.pushOutbox();

    for (const item of [theirs, mine]) {
      const [conflict] = await callOrThrow(client, 'items.decisionStatus', { id: item.id });
      expect(conflict?.status).toMatchObject({ kind: 'conflict', label: 'conflict', actionable: true });
      expect(conflict?.status.reason).toBeTruthy();
      expect(conflict?.entry?.remoteSnapshot).toMatchObject({ remoteId: item.remoteId, state: expect.not.stringMatching(/^open$/) });
    }
    const entryOf = async (id: string) => (await callOrThrow(client, 'items.decisionStatus', { id }))[0]?.entry?.id ?? '';
    await callOrThrow(client, 'outbox.resolve', { id: await entryOf(theirs.id), choice: 'accept_remote' });
    expect((await callOrThrow(client, 'items.decisionStatus', { id: theirs.id }))[0]?.status).toMatchObject({ kind: 'superseded', label: 'platform kept', actionable: false });
    await callOrThrow(client, 'outbox.resolve', { id: await entryOf(mine.id), choice: 'retry' });
    expect((await callOrThrow(client, 'items.decisionStatus', { id: mine.id }))[0]?.status.kind).toBe('queued');
  });
});


describe('near-identical texts', () => {
  it('groups a template varied by numbers, links and @names, apart from the exact copies, paged', async () => {
    open = await openTestWorkspace(tempDir(), 'http');
    const { client, backend } = open;
    upsertItems(backend.context.db, [
      sampleItem(1, { body: 'Get 1000 free followers today at https://spam.example/x1' }),
      sampleItem(2, { body: 'get 250 FREE followers today at spam.example/zz9 @bob', community: { remoteId: 'v2', name: 'Tutorial' } }),
      sampleItem(3, { body: 'Get 1000 free followers today at https://spam.example/x1', platform: 'reddit' }),
      sampleItem(4, { body: 'get free likes today at spam.example' }),
    ], fixedClock());
    const ids = Object.fromEntries((await callOrThrow(client, 'items.list', { limit: 10 })).items.map((i) => [i.remoteId, i.id]));
    const similar = await callOrThrow(client, 'items.similar', { id: ids['c1'] ?? '', limit: 10 });
    expect(similar).toMatchObject({ identical: 1, near: 2, nextCursor: null });
    expect(similar.items.map((i) => [i.remoteId, i.identical])).toEqual([['c3', true], ['c2', false]]);
    const first = await callOrThrow(client, 'items.similar', { id: ids['c1'] ?? '', limit: 1 });
    const second = await callOrThrow(client, 'items.similar', { id: ids['c1'] ?? '', limit: 1, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((i) => i.remoteId)).toEqual(['c3', 'c2']);
    expect(second.nextCursor).toBeNull();
    expect(await callOrThrow(client, 'items.similar', { id: ids['c4'] ?? '', limit: 10 })).toMatchObject({ identical: 0, near: 0, items: [] });
    expect(await client.call('items.similar', { id: 'nope' })).toEqual({ ok: false, error: { code: 'not_found', message: 'There is no item with id nope.' } });
  });

  it('keys rows stored before migration 0021', () => {
    const file = join(tempDir(), 'upgrade.sqlite');
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, MIGRATIONS.findIndex((m) => m.name === 'person-notes')) });
    const insert = old.prepare("INSERT INTO items (id, platform, remote_id, kind, body, created_at, fetched_at, updated_at, raw) VALUES (?, 'youtube', ?, 'comment', ?, ?, ?, ?, '{}')");
    const now = fixedClock().now().toISOString();
    insert.run('i1', 'c1', 'Use code SAVE20 at shop.example/a1 for the palette', now, now, now);
    insert.run('i2', 'c2', 'use code save35 at https://shop.example/b7 for the palette @anna', now, now, now);
    insert.run('i3', 'c3', 'a different comment entirely, nothing alike', now, now, now);
    old.close();
    const upgraded = openDatabase(file);
    expect(similarItems(upgraded, 'i1', { limit: 10, cursor: null })?.items.map((i) => i.id)).toEqual(['i2']);
    expect(similarItems(upgraded, 'i3', { limit: 10, cursor: null })?.near).toBe(0);
    upgraded.close();
  });
});

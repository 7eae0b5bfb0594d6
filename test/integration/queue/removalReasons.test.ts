// Removal reasons, macros and bulk decisions on a real store and real handlers, pushed to the
// Reddit and Discourse simulators over HTTP, then checked in GET /__sim/state: the reason, the
// removal message and the mod note reached Reddit; the reject reason reached Discourse; a bulk
// removal of an author's items reached the simulator item by item.
import { afterEach, describe, expect, it } from 'vitest';
import { callOrThrow, createClient } from '../../../src/api/client.ts';
import { inProcessTransport } from '../../../src/api/inProcess.ts';
import { outboxEntryForDecision } from '../../../src/store/outbox.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { appliedWrites, startSyncHarness, type SyncHarness } from '../sync/harness.ts';

const tempDir = useTempDir('stoa-reasons-');
let harness: SyncHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

interface SimPlatformState {
  removalReasons?: { itemId: string; reasonId: string | null; modNote: string }[];
  removalMessages?: { itemId: string; message: string }[];
  modNotes?: { user: string; note: string; redditId: string | null }[];
  rejectReasons?: { reviewableId: number; actionId: string; rejectReason: string }[];
}

async function simState(h: SyncHarness, platform: string): Promise<SimPlatformState> {
  const reply = await fetch(`${h.sim.url}/__sim/state`);
  const body = (await reply.json()) as { platforms: Record<string, SimPlatformState> };
  return body.platforms[platform] ?? {};
}

async function start(platforms: string[]) {
  harness = await startSyncHarness(tempDir(), { platforms });
  const h = harness;
  const client = createClient(inProcessTransport(h.backend.handlers, h.backend.events));
  await h.sync.pullAll();
  return { h, client };
}

/** Reddit's oldest open item, removed with a macro that gives a reason, a message and a mod note. */
async function removedWithSpamMacro() {
  const { h, client } = await start(['reddit']);
  const [item] = (await callOrThrow(client, 'items.list', { platform: 'reddit', state: 'open', sort: 'oldest', limit: 1 })).items;
  if (!item) throw new Error('the simulator gave no open item');
  const macro = await callOrThrow(client, 'reasons.save', { title: 'Spam', reason: 'Spam', message: 'Removed as spam.', note: 'spam' });
  const applied = await callOrThrow(client, 'queue.applyTemplate', { itemId: item.id, templateId: macro.id });
  return { h, client, item, applied };
}

describe('removal reasons and macros', () => {
  it('keeps reasons per community in the order they were added, edits and deletes them, refuses bad input', async () => {
    const { h, client } = await start(['reddit']);
    const db = h.backend.context.db;
    const [one, other] = await callOrThrow(client, 'reasons.communities', {});
    if (!one || !other) throw new Error('the simulator gave fewer than two communities');
    const everywhere = await callOrThrow(client, 'reasons.save', { title: 'Spam', reason: 'Spam' });
    const local = await callOrThrow(client, 'reasons.save', { title: 'Local rule', reason: 'Breaks {rule}', rule: 'Rule 1', communityId: one.id });
    const elsewhere = await callOrThrow(client, 'reasons.save', { title: 'Other rule', reason: 'Other', communityId: other.id });
    const itemIn = (communityId: string) => db.prepare('SELECT id FROM items WHERE community_id = ? LIMIT 1').pluck().get(communityId) as string;
    // An item's community's own reasons come first, then those for every community; never another's.
    expect((await callOrThrow(client, 'reasons.list', { itemId: itemIn(one.id) })).map((t) => t.title)).toEqual(['Local rule', 'Spam']);
    expect((await callOrThrow(client, 'reasons.list', { itemId: itemIn(other.id) })).map((t) => t.title)).toEqual(['Other rule', 'Spam']);
    expect(await client.call('queue.applyTemplate', { itemId: itemIn(other.id), templateId: local.id })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'The reason "Local rule" belongs to another community.' } });
    const edited = await callOrThrow(client, 'reasons.save', { id: everywhere.id, title: 'Spam (edited)', reason: 'Spam: {link}' });
    expect(edited).toMatchObject({ id: everywhere.id, title: 'Spam (edited)', position: everywhere.position });
    expect(await client.call('reasons.save', { title: 'Typo', reason: 'Hello {autor}' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Stoa cannot fill {autor}; the placeholders are {author}, {community}, {rule}, {link}.' } });
    expect(await client.call('reasons.save', { title: '', reason: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await client.call('reasons.save', { id: 'nope', title: 'x', reason: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await callOrThrow(client, 'reasons.delete', { id: elsewhere.id })).toEqual({ deleted: true });
    expect(await callOrThrow(client, 'reasons.delete', { id: elsewhere.id })).toEqual({ deleted: false });
    expect((await callOrThrow(client, 'reasons.list', {})).map((t) => t.title)).toEqual(['Spam (edited)', 'Local rule']);
    // Every change is in the audit log, and the chain still verifies.
    expect(db.prepare("SELECT action FROM audit_log WHERE action LIKE 'template.%' ORDER BY seq").pluck().all()).toEqual(['template.save', 'template.save', 'template.save', 'template.save', 'template.delete']);
    expect((await callOrThrow(client, 'audit.verify', {})).ok).toBe(true);
  });

  it('a macro removes, sends the reason and the message, and leaves a mod note on Reddit', async () => {
    const { h, client } = await start(['reddit']);
    const [item] = (await callOrThrow(client, 'items.list', { platform: 'reddit', state: 'open', sort: 'oldest', limit: 1 })).items;
    if (!item) throw new Error('the simulator gave no open item');
    const macro = await callOrThrow(client, 'reasons.save', {
      title: 'Spam link',
      rule: 'Rule 5: no spam',
      reason: 'Removed under {rule}',
      message: 'Hi {author}, your post in r/{community} broke {rule}: {link}',
      note: 'spam warning for {author}',
      remoteReasonId: '110nhral8vygf',
    });
    expect(await callOrThrow(client, 'reasons.list', { itemId: item.id })).toEqual([macro]);
    const applied = await callOrThrow(client, 'queue.applyTemplate', { itemId: item.id, templateId: macro.id, requestId: 'macro-1' });
    expect(applied).toMatchObject({ itemId: item.id, status: 'queued', reason: null, steps: [{ action: 'remove', queued: true }] });
    // A retried call (lost reply) queues nothing twice and adds no second note.
    expect((await callOrThrow(client, 'queue.applyTemplate', { itemId: item.id, templateId: macro.id, requestId: 'macro-1' })).steps[0]?.decisionId).toBe(applied.steps[0]?.decisionId);
    const entry = outboxEntryForDecision(h.backend.context.db, applied.steps[0]?.decisionId ?? '');
    expect(entry?.idempotencyKey).toMatch(/^[0-9a-f]{64}$/);

    await h.sync.pushOutbox();
    expect(outboxEntryForDecision(h.backend.context.db, applied.steps[0]?.decisionId ?? '')?.state).toBe('done');
    const detail = await callOrThrow(client, 'items.get', { id: item.id });
    const community = detail.community ?? '';
    const author = detail.author ?? '';
    const state = await simState(h, 'reddit');
    const message = detail.kind === 'comment' ? 'v1/modactions/removal_comment_message' : 'v1/modactions/removal_link_message';
    expect(appliedWrites(h.sim, 'reddit').get(item.remoteId)).toEqual(['remove', 'v1/modactions/removal_reasons', 'mod/notes', message]);
    expect(state.removalReasons).toEqual([{ itemId: item.remoteId, reasonId: '110nhral8vygf', modNote: 'Removed under Rule 5: no spam' }]);
    expect(state.removalMessages).toEqual([expect.objectContaining({ itemId: item.remoteId, message: `Hi ${author}, your post in r/${community} broke Rule 5: no spam: ${detail.url ?? ''}` })]);
    expect(state.modNotes).toEqual([{ subreddit: community, user: author, note: `spam warning for ${author}`, redditId: item.remoteId }]);
    // The wire format of the recorded real call (PRAW cassette test_remove_with_reason_id): a form
    // with api_type=json and json={"item_ids","mod_note","reason_id"}.
    const sent = h.sim.requests('reddit').find((r) => r.path.endsWith('/api/v1/modactions/removal_reasons'));
    const form = new URLSearchParams(sent?.body ?? '');
    expect(form.get('api_type')).toBe('json');
    expect(Object.keys(JSON.parse(form.get('json') ?? '{}') as object).sort()).toEqual(['item_ids', 'mod_note', 'reason_id']);
    // The note is also kept locally, once.
    expect(detail.notes.map((note) => note.body)).toEqual([`spam warning for ${author}`]);
    expect(detail.decisions[0]).toMatchObject({ action: 'remove', reason: 'Removed under Rule 5: no spam' });
  });

  it('after a failed removal message the retry sends the message once and adds no second mod note', async () => {
    const { h, item, applied } = await removedWithSpamMacro();
    await fetch(`${h.sim.url}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ platform: 'reddit', path: '_message', kind: 'server_error', times: 1 }) });
    const entry = () => outboxEntryForDecision(h.backend.context.db, applied.steps[0]?.decisionId ?? '');
    for (let i = 0; i < 5 && entry()?.state !== 'done'; i += 1) {
      await h.sync.pushOutbox();
      h.clock.advance(120_000); // past the retry wait
    }
    expect(entry()?.attempts).toBeGreaterThan(1);
    expect(entry()?.state).toBe('done');
    const state = await simState(h, 'reddit');
    expect(state.removalMessages?.map((m) => m.itemId)).toEqual([item.remoteId]);
    expect(state.modNotes?.map((n) => n.redditId)).toEqual([item.remoteId]);
    expect(appliedWrites(h.sim, 'reddit').get(item.remoteId)?.filter((w) => w.endsWith('_message'))).toHaveLength(1);
  });

  it('a removal message whose request may have landed is not sent again until a person retries, and the reason and note are not repeated', async () => {
    const { h, client, item, applied } = await removedWithSpamMacro();
    const db = h.backend.context.db;
    // The message reaches Reddit, then the connection drops before the answer.
    await fetch(`${h.sim.url}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ platform: 'reddit', path: '_message', kind: 'commit_then_drop', times: 1 }) });
    const entry = () => outboxEntryForDecision(db, applied.steps[0]?.decisionId ?? '');
    for (let i = 0; i < 5 && entry()?.state === 'pending'; i += 1) {
      await h.sync.pushOutbox();
      h.clock.advance(120_000);
    }
    expect(entry()).toMatchObject({ state: 'failed', errorClass: 'message_unconfirmed', steps: { removal_reason: 'done', mod_note: 'done', removal_message: 'sent' } });
    expect(entry()?.lastError).toMatch(/may have reached the author; check the modmail, then Retry/);
    let state = await simState(h, 'reddit');
    expect(state.removalMessages?.map((m) => m.itemId)).toEqual([item.remoteId]);
    // The person checked and wants it sent again: Retry sends the message (and only the message).
    await callOrThrow(client, 'outbox.resolve', { id: entry()?.id ?? '', choice: 'retry' });
    await h.sync.pushOutbox();
    expect(entry()).toMatchObject({ state: 'done', steps: { removal_reason: 'done', mod_note: 'done', removal_message: 'done' } });
    state = await simState(h, 'reddit');
    expect(state.removalMessages?.map((m) => m.itemId)).toEqual([item.remoteId, item.remoteId]);
    expect(state.modNotes?.map((n) => n.redditId)).toEqual([item.remoteId]);
    expect(state.removalReasons?.map((r) => r.itemId)).toEqual([item.remoteId]);
  });

  it('a run that stopped after the removal landed sends the reason, note and message once on the next run', async () => {
    const { h, item, applied } = await removedWithSpamMacro();
    const db = h.backend.context.db;
    const entry = () => outboxEntryForDecision(db, applied.steps[0]?.decisionId ?? '');
    // As a process killed right after /api/remove answered: the removal is on Reddit, the entry is
    // still 'sending' with no step recorded.
    await fetch(`${h.sim.url}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ platform: 'reddit', path: 'removal_reasons', kind: 'server_error', times: 50 }) });
    await h.sync.pushOutbox();
    db.prepare("UPDATE outbox SET state = 'sending', unconfirmed = 1, steps = '{}' WHERE id = ?").run(entry()?.id);
    await fetch(`${h.sim.url}/__sim/faults`, { method: 'DELETE' });
    expect((await simState(h, 'reddit')).removalReasons ?? []).toEqual([]);
    h.clock.advance(600_000);
    for (let i = 0; i < 3 && entry()?.state !== 'done'; i += 1) {
      await h.sync.pushOutbox();
      h.clock.advance(120_000);
    }
    expect(entry()?.state).toBe('done');
    const state = await simState(h, 'reddit');
    expect(state.removalReasons?.map((r) => r.itemId)).toEqual([item.remoteId]);
    expect(state.modNotes?.map((n) => n.redditId)).toEqual([item.remoteId]);
    expect(state.removalMessages?.map((m) => m.itemId)).toEqual([item.remoteId]);
  });

  it('a macro that bans queues the removal and the ban as two entries, each with its own key', async () => {
    const { h, client } = await start(['reddit']);
    const [item] = (await callOrThrow(client, 'items.list', { platform: 'reddit', state: 'open', sort: 'oldest', limit: 1 })).items;
    if (!item) throw new Error('the simulator gave no open item');
    const macro = await callOrThrow(client, 'reasons.save', { title: 'Harassment', rule: 'Rule 1', reason: '{rule}: harassment', banDays: 3 });
    const applied = await callOrThrow(client, 'queue.applyTemplate', { itemId: item.id, templateId: macro.id });
    expect(applied.steps.map((step) => step.action)).toEqual(['remove', 'ban']);
    const keys = applied.steps.map((step) => outboxEntryForDecision(h.backend.context.db, step.decisionId)?.idempotencyKey);
    expect(new Set(keys).size).toBe(2);
    await h.sync.pushOutbox();
    const writes = appliedWrites(h.sim, 'reddit');
    expect(writes.get(item.remoteId)).toEqual(['remove', 'v1/modactions/removal_reasons']);
    expect([...writes.values()].flat()).toContain('ban');
  });

  it('a removal reason reaches Discourse as the perform\'s reject_reason', async () => {
    const { h, client } = await start(['discourse']);
    const [item] = (await callOrThrow(client, 'items.list', { platform: 'discourse', state: 'open', sort: 'oldest', limit: 1 })).items;
    if (!item) throw new Error('the simulator gave no open item');
    const reason = await callOrThrow(client, 'reasons.save', { title: 'Off topic', rule: 'Stay on topic', reason: 'Off topic in {community}', message: '{author}, this broke "{rule}".' });
    await callOrThrow(client, 'queue.applyTemplate', { itemId: item.id, templateId: reason.id });
    await h.sync.pushOutbox();
    const detail = await callOrThrow(client, 'items.get', { id: item.id });
    expect(detail.decisions[0]?.action).toBe('remove');
    const state = await simState(h, 'discourse');
    expect(state.rejectReasons).toEqual([expect.objectContaining({ reviewableId: Number(item.remoteId), rejectReason: `${detail.author ?? ''}, this broke "Stay on topic".` })]);
    // An action Discourse does not have is refused per item, with the reason, and the rest go on.
    const [, second] = (await callOrThrow(client, 'items.list', { platform: 'discourse', state: 'open', sort: 'oldest', limit: 2 })).items;
    const bulk = await callOrThrow(client, 'queue.bulk', { itemIds: [second?.id ?? '', item.id], action: 'spam' });
    expect(bulk.results.map((r) => [r.status, r.reason])).toEqual([['refused', 'discourse has no spam action.'], ['refused', 'discourse has no spam action.']]);
  });

  it('bulk-removes everything by one author with one reason, answering per item and never stopping on a refusal', async () => {
    const { h, client } = await start(['reddit']);
    const db = h.backend.context.db;
    // The author with the most open items.
    const author = db.prepare("SELECT author_id FROM items WHERE state = 'open' AND platform = 'reddit' AND author_id IS NOT NULL GROUP BY author_id ORDER BY COUNT(*) DESC, author_id LIMIT 1").pluck().get() as string;
    const theirs = db.prepare("SELECT id, remote_id AS remoteId FROM items WHERE author_id = ? AND state = 'open' ORDER BY created_at, id").all(author) as { id: string; remoteId: string }[];
    expect(theirs.length).toBeGreaterThan(0);
    const first = theirs[0]?.id ?? '';
    const bulk = await callOrThrow(client, 'queue.bulk', { authorOf: first, itemIds: ['no-such-item'], action: 'remove', reason: 'Spam wave' });
    expect(bulk.results).toHaveLength(theirs.length + 1);
    expect(bulk.results.find((r) => r.itemId === 'no-such-item')).toMatchObject({ status: 'refused', reason: 'There is no item with id no-such-item.', label: null });
    const authorName = db.prepare('SELECT name FROM authors WHERE id = ?').pluck().get(author) as string;
    for (const r of bulk.results.filter((x) => x.status === 'queued')) expect(r.label?.startsWith(`${authorName}: `)).toBe(true);
    expect(bulk.results.filter((r) => r.status === 'queued').map((r) => r.itemId).sort()).toEqual(theirs.map((t) => t.id).sort());
    await h.sync.pushOutbox();
    const writes = appliedWrites(h.sim, 'reddit');
    for (const { remoteId } of theirs) expect(writes.get(remoteId)?.[0]).toBe('remove');
    const state = await simState(h, 'reddit');
    expect(state.removalReasons?.map((r) => r.itemId).sort()).toEqual(theirs.map((t) => t.remoteId).sort());
    expect(new Set(state.removalReasons?.map((r) => r.modNote))).toEqual(new Set(['Spam wave']));
  });
  it('a bulk decision tells the UIs once, at its end, and a run in batches once at its last batch', async () => {
    const { h, client } = await start(['reddit']);
    const open = (await callOrThrow(client, 'items.list', { platform: 'reddit', state: 'open', sort: 'oldest', limit: 5 })).items.map((i) => i.id);
    expect(open).toHaveLength(5);
    const changed: number[] = [];
    const stop = h.backend.events.subscribe((event) => {
      if (event.type === 'items.changed') changed.push(event.count);
    });
    try {
      const bulk = await callOrThrow(client, 'queue.bulk', { itemIds: [...open.slice(0, 3), 'no-such-item'], action: 'remove' });
      expect(bulk.results.map((r) => r.status)).toEqual(['queued', 'queued', 'queued', 'refused']);
      expect(changed).toEqual([3]);
      // Two batches of one run: the first is quiet, the last announces both.
      await callOrThrow(client, 'queue.bulk', { itemIds: [open[3] ?? ''], action: 'approve', requestId: 'run-1', announce: false });
      expect(changed).toEqual([3]);
      const last = await callOrThrow(client, 'queue.bulk', { itemIds: ['no-such-item'], action: 'approve', requestId: 'run-1' });
      expect(last.results.map((r) => r.status)).toEqual(['refused']);
      expect(changed).toEqual([3, 1]);
      // A single decision still announces itself.
      await callOrThrow(client, 'queue.decide', { itemId: open[4] ?? '', action: 'approve' });
      expect(changed).toEqual([3, 1, 1]);
    } finally {
      stop();
    }
  });
});

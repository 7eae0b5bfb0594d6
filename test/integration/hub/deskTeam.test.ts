// Three desks (real workspaces) joined to one hub decide, note and write person notes on the same
// synced items: every event reaches the other two exactly once, the item's state follows, and no
// token, password or account id ever reaches the hub.
import { afterEach, describe, expect, it } from 'vitest';
import { needsPostgres, usePostgres } from '../../support/postgres.ts';
import { prepared } from '../../../src/store/statements.ts';
import { freshHub } from './support.ts';
import { joinUrl, localAuthorId, localItemId, newMemberToken, openDesk, removeDir, sharedItem, syncItems, value, type Desk } from './deskSupport.ts';

describe.runIf(needsPostgres('desks on a team hub'))('three desks on one team hub', () => {
  const cluster = usePostgres();
  const opened: Desk[] = [];
  afterEach(async () => {
    for (const desk of opened.splice(0)) {
      await desk.close();
      removeDir(desk.dataDir);
    }
  });

  it('shares decisions, item notes and person notes exactly once, and keeps secrets off the hub', async () => {
    const hub = await freshHub(cluster());
    const tokens = [hub.owner.token, await newMemberToken(hub.pool, hub.owner.token, 'Ben', 'moderator'), await newMemberToken(hub.pool, hub.owner.token, 'Cleo', 'moderator')];
    const items = [sharedItem(1), sharedItem(2), sharedItem(3)];
    const desks = ['Ana', 'Ben', 'Cleo'].map((name) => openDesk(name));
    opened.push(...desks);
    const [a, b, c] = desks as [Desk, Desk, Desk];
    for (const desk of desks) syncItems(desk.backend, items);

    // Ana decided before joining: her desk's history goes to the team on join.
    const early = await value(a.client.call('queue.decide', { itemId: localItemId(a.backend, 't1_shared3'), action: 'approve' }));
    for (const [i, desk] of desks.entries()) {
      const status = await value(desk.client.call('hub.join', { url: joinUrl(hub.url, tokens[i] ?? '') }));
      expect(status.link?.member.name).toBe(['Ana', 'Ben', 'Cleo'][i]);
      expect(status.link?.url).not.toContain('stoa_token');
      expect(status.link?.workspace).toBe('Brand team');
    }
    await a.backend.hub.idle();
    await b.backend.hub.idle();
    await c.backend.hub.idle();

    // Ana opens item 1: it is hers; Ben and Cleo see it claimed under their own item ids, and Ben's
    // claim is refused naming her until she lets it go.
    const idOn = (desk: Desk) => localItemId(desk.backend, 't1_shared1');
    expect(await value(a.client.call('hub.claim', { itemId: idOn(a) }))).toMatchObject({ granted: true, claim: { memberName: 'Ana', mine: true, itemId: idOn(a) } });
    const refused = await value(b.client.call('hub.claim', { itemId: idOn(b) }));
    expect(refused).toMatchObject({ granted: false, claim: { memberName: 'Ana', mine: false, itemId: idOn(b), platform: 'reddit', remoteId: 't1_shared1' } });
    expect((await value(c.client.call('hub.claims', {}))).claims).toEqual([expect.objectContaining({ itemId: idOn(c), memberName: 'Ana', mine: false })]);
    expect((await value(c.client.call('hub.item', { itemId: idOn(c) }))).claim).toMatchObject({ memberName: 'Ana' });
    expect(Date.parse(refused.claim?.expiresAt ?? '') - Date.parse(refused.claim?.claimedAt ?? '')).toBeGreaterThan(30_000);
    expect(await value(b.client.call('hub.release', { itemId: idOn(b) }))).toEqual({ released: false });
    expect(await value(a.client.call('hub.release', { itemId: idOn(a) }))).toEqual({ released: true });
    expect(await value(b.client.call('hub.claim', { itemId: idOn(b) }))).toMatchObject({ granted: true, claim: { memberName: 'Ben', mine: true } });
    expect((await value(a.client.call('hub.claims', {}))).claims.map((claim) => `${claim.memberName}:${String(claim.mine)}`)).toEqual(['Ben:false']);
    await value(b.client.call('hub.release', { itemId: idOn(b) }));

    const removal = await value(a.client.call('queue.decide', { itemId: localItemId(a.backend, 't1_shared1'), action: 'remove', reason: 'spam link' }));
    const note = await value(b.client.call('items.addNote', { itemId: localItemId(b.backend, 't1_shared1'), body: 'Third time this week' }));
    const personNote = await value(c.client.call('personNotes.add', { authorId: localAuthorId(c.backend, 'author-2'), label: 'spam_warning', body: 'Links to a shop' }));
    const approval = await value(b.client.call('queue.decide', { itemId: localItemId(b.backend, 't1_shared2'), action: 'approve' }));

    for (let round = 0; round < 2; round += 1) for (const desk of desks) await value(desk.client.call('hub.sync', {}));

    const { rows } = await hub.pool.query<{ id: string; kind: string; payload: Record<string, unknown> }>('SELECT id, kind, payload FROM stoa_hub.events ORDER BY seq');
    expect(rows.map((r) => r.kind).sort()).toEqual(['decision', 'decision', 'decision', 'item_note', 'person_note']);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set([early.decisionId, removal.decisionId, note.id, personNote.id, approval.decisionId]));
    const wire = JSON.stringify(rows.map((r) => r.payload));
    for (const token of tokens) expect(wire).not.toContain(token);
    expect(wire).not.toMatch(/accountId|account_id|password|stoa_token/);
    expect(rows.find((r) => r.id === removal.decisionId)?.payload).toMatchObject({ item: { platform: 'reddit', remoteId: 't1_shared1' }, action: 'remove', actor: 'Ana' });

    for (const desk of desks) {
      const db = desk.backend.context.db;
      const count = (sql: string, ...args: unknown[]) => prepared(db, sql).pluck().get(...args) as number;
      for (const id of [early.decisionId, removal.decisionId, approval.decisionId]) expect(count('SELECT count(*) FROM decisions WHERE id = ?', id)).toBe(1);
      expect(count('SELECT count(*) FROM notes WHERE id = ?', note.id)).toBe(1);
      expect(count('SELECT count(*) FROM person_notes WHERE id = ?', personNote.id)).toBe(1);
      expect(count('SELECT count(*) FROM decisions')).toBe(3);
      expect(count('SELECT count(*) FROM notes')).toBe(1);
      expect(count('SELECT count(*) FROM person_notes')).toBe(1);
      // Nothing pulled was captured again for the hub, and nothing from the team queued a platform action here.
      expect(count('SELECT count(*) FROM hub_outbox')).toBe(count("SELECT count(*) FROM decisions WHERE device_id = ?", desk.backend.context.who.deviceId) + count('SELECT count(*) FROM notes WHERE device_id = ?', desk.backend.context.who.deviceId) + count('SELECT count(*) FROM person_notes WHERE device_id = ?', desk.backend.context.who.deviceId));
      expect(count('SELECT count(*) FROM outbox o JOIN decisions d ON d.id = o.decision_id WHERE d.device_id <> ?', desk.backend.context.who.deviceId)).toBe(0);
      expect(count("SELECT count(*) FROM items WHERE remote_id = 't1_shared1' AND state = 'removed'")).toBe(1);
      expect(count("SELECT count(*) FROM items WHERE remote_id = 't1_shared2' AND state = 'approved'")).toBe(1);
      const sync = (await value(desk.client.call('hub.status', {}))).sync;
      expect(sync).toMatchObject({ state: 'idle', pendingPush: 0, parked: 0, lastError: null });
      expect(sync?.cursor).toBe(5);
    }
    const bDecisions = prepared(b.backend.context.db, 'SELECT actor, device_id AS device FROM decisions WHERE id = ?').get(removal.decisionId);
    expect(bDecisions).toEqual({ actor: 'Ana', device: a.backend.context.who.deviceId });
    const members = (await value(c.client.call('hub.status', {}))).members.map((m) => `${m.name}:${m.role}`);
    expect(members).toEqual(['Ana:owner', 'Ben:moderator', 'Cleo:moderator']);
    await hub.pool.end();
  });
});

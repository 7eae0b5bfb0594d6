// Row-level security on the hub decides what a role may push: a viewer's decision is refused and
// the desk shows 'refused' with the hub's sentence; a creator's note still goes out beside its
// refused decision; a revoked or mistyped token cannot join.
import { afterEach, describe, expect, it } from 'vitest';
import { needsPostgres, usePostgres } from '../../support/postgres.ts';
import { freshHub } from './support.ts';
import { joinUrl, localItemId, newMemberToken, openDesk, removeDir, sharedItem, syncItems, value, type Desk } from './deskSupport.ts';

describe.runIf(needsPostgres('refused hub events'))('events the hub refuses', () => {
  const cluster = usePostgres();
  const opened: Desk[] = [];
  afterEach(async () => {
    for (const desk of opened.splice(0)) {
      await desk.close();
      removeDir(desk.dataDir);
    }
  });

  it('refuses a viewer decision and a creator decision, and still pushes the creator note', async () => {
    const hub = await freshHub(cluster());
    const viewer = openDesk('Vic');
    const creator = openDesk('Cat');
    const owner = openDesk('Ana');
    opened.push(viewer, creator, owner);
    for (const desk of opened) syncItems(desk.backend, [sharedItem(1)]);
    await value(viewer.client.call('hub.join', { url: joinUrl(hub.url, await newMemberToken(hub.pool, hub.owner.token, 'Vic', 'viewer')) }));
    await value(creator.client.call('hub.join', { url: joinUrl(hub.url, await newMemberToken(hub.pool, hub.owner.token, 'Cat', 'creator')) }));
    await value(owner.client.call('hub.join', { url: joinUrl(hub.url, hub.owner.token) }));

    // A viewer may look but not claim: the hub refuses it, and the desk says so.
    const claim = await viewer.client.call('hub.claim', { itemId: localItemId(viewer.backend, 't1_shared1') });
    expect(claim).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/viewer/) } });

    await value(viewer.client.call('queue.decide', { itemId: localItemId(viewer.backend, 't1_shared1'), action: 'remove' }));
    const seen = await value(viewer.client.call('hub.sync', {}));
    expect(seen.pushed).toBe(0);
    expect(seen.sync).toMatchObject({ state: 'refused', pendingPush: 0 });
    expect(seen.sync.lastError).toMatch(/a viewer may not push decision events/);

    await value(creator.client.call('queue.decide', { itemId: localItemId(creator.backend, 't1_shared1'), action: 'approve' }));
    const note = await value(creator.client.call('items.addNote', { itemId: localItemId(creator.backend, 't1_shared1'), body: 'This is my paid post, tagged' }));
    const pushed = await value(creator.client.call('hub.sync', {}));
    expect(pushed.pushed).toBe(1);
    expect(pushed.sync.state).toBe('refused');
    expect(pushed.sync.lastError).toMatch(/a creator may not push decision events/);

    const { rows } = await hub.pool.query<{ id: string; kind: string }>('SELECT id, kind FROM stoa_hub.events');
    expect(rows).toEqual([{ id: note.id, kind: 'item_note' }]);
    const ownerRun = await value(owner.client.call('hub.sync', {}));
    expect(ownerRun).toMatchObject({ applied: 1 });
    expect((await value(owner.client.call('items.get', { id: localItemId(owner.backend, 't1_shared1') }))).state).toBe('open');

    const wrong = await owner.client.call('hub.join', { url: joinUrl(hub.url, 'stoa_hub_not-a-real-token') });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect((await value(owner.client.call('hub.status', {}))).link?.member.name).toBe('Ana');
    await hub.pool.end();
  });
});

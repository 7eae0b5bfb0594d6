// From the community to the shop, on an on-disk workspace: a review used in the studio becomes a
// draft quoting and crediting its author, with a rights request; a photo post's image is fetched
// over real HTTP and imported (a missing one is refused with the reason, the draft still made).
// Publishing is refused until the request is granted, a refused request blocks for good, and every
// step is in the hash-chained audit log.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callOrThrow } from '../../../src/api/client.ts';
import { verifyAudit } from '../../../src/store/audit.ts';
import { upsertItems } from '../../../src/store/items.ts';
import { photo } from '../media/images.ts';
import { sampleItem } from '../../support/sampleItems.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { openTestWorkspace, type TestWorkspace } from '../../support/workspace.ts';

const tempDir = useTempDir('stoa-rights-');
let workspace: TestWorkspace | null = null;
afterEach(async () => {
  await workspace?.close();
  workspace = null;
});

// A stand-in for a platform's image CDN: one photo, everything else 404.
let cdn: Server;
let cdnOrigin = '';
beforeAll(async () => {
  const jpeg = await photo(1080, 1080);
  cdn = createServer((req, res) => {
    if (req.url === '/v/mara-linen.jpg') res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': jpeg.length }).end(jpeg);
    else res.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve));
  cdnOrigin = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => cdn.close(() => resolve())));

async function openWithItems(): Promise<{ ws: TestWorkspace; ids: { review: string; photo: string; gone: string } }> {
  const ws = await openTestWorkspace(tempDir(), 'in-process');
  const { db, clock } = ws.backend.context;
  upsertItems(
    db,
    [
      sampleItem(1, { platform: 'reddit', kind: 'post', title: 'Best mug I own', body: 'Keeps my coffee hot\nfor an hour.', author: { remoteId: 't2_dan', name: 'dan_brews' }, community: { remoteId: 'r1', name: 'r/coffee' }, url: 'https://www.reddit.com/r/coffee/comments/1', raw: { id: '1', title: 'Best mug I own' } }),
      sampleItem(2, { platform: 'instagram', kind: 'post', body: 'Linen Sunday', author: { remoteId: 'u9', name: 'mara.k' }, url: 'https://www.instagram.com/p/mara', raw: { id: 'm2', media_type: 'IMAGE', media_url: `${cdnOrigin}/v/mara-linen.jpg` } }),
      sampleItem(3, { platform: 'instagram', kind: 'post', body: 'Old photo', author: { remoteId: 'u8', name: 'li.wei' }, raw: { id: 'm3', media_type: 'IMAGE', media_url: `${cdnOrigin}/v/deleted.jpg` } }),
    ],
    clock,
  );
  const id = (remoteId: string): string => db.prepare('SELECT id FROM items WHERE remote_id = ?').pluck().get(remoteId) as string;
  workspace = ws;
  return { ws, ids: { review: id('c1'), photo: id('c2'), gone: id('c3') } };
}

const auditActions = (ws: TestWorkspace, subject: string): string[] => ws.backend.context.db.prepare('SELECT action FROM audit_log WHERE subject = ? ORDER BY seq').pluck().all(subject) as string[];

describe('Use in Studio', () => {
  it('drafts a review quoted and credited, with an asked rights request that blocks validation and publishing', async () => {
    const { ws, ids } = await openWithItems();
    const { client } = ws;
    const used = await callOrThrow(client, 'studio.useItem', { itemId: ids.review });
    expect(used).toMatchObject({ assetId: null, imageRefused: null });

    const post = await callOrThrow(client, 'posts.get', { id: used.postId });
    expect(post).toMatchObject({ state: 'draft', targets: ['instagram'], media: [] });
    expect(post.caption).toBe('“Best mug I own — Keeps my coffee hot for an hour.”\n\n📷 @dan_brews on Reddit');

    const request = await callOrThrow(client, 'rights.get', { postId: used.postId });
    expect(request).toMatchObject({ id: used.rightsRequestId, itemId: ids.review, author: 'dan_brews', platform: 'reddit', community: 'r/coffee', status: 'asked', sentAt: null, outbox: { available: false } });
    // No brand yet: the message says what is missing instead of sending "{brand}".
    expect(request?.message).toEqual({ ok: false, message: 'The message needs a value for {brand}: fill it in before sending.' });

    const check = await callOrThrow(client, 'posts.validate', { id: used.postId });
    const rights = check.violations.find((v) => v.rule === 'rights_not_granted');
    expect(rights).toMatchObject({ limit: 'granted', actual: 'asked' });
    expect(rights?.message).toContain('@dan_brews on Reddit');
    // The composer's live check of the unsaved draft sees it too when it names the post.
    const live = await callOrThrow(client, 'posts.validate', { draft: { targets: ['instagram'], caption: post.caption }, postId: used.postId });
    expect(live.violations.map((v) => v.rule)).toContain('rights_not_granted');

    const publish = await client.call('posts.publish', { id: used.postId });
    expect(publish.ok).toBe(false);
    if (!publish.ok) expect(publish.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('Rights not granted') });
  });

  it('imports a photo post’s image, sends the request by hand, and publishes only once granted', async () => {
    const { ws, ids } = await openWithItems();
    const { client } = ws;
    const used = await callOrThrow(client, 'studio.useItem', { itemId: ids.photo, brand: 'Kestrel Linen' });
    expect(used.imageRefused).toBeNull();
    expect(used.assetId).not.toBeNull();
    const asset = await callOrThrow(client, 'media.get', { id: used.assetId ?? '' });
    expect(asset).toMatchObject({ width: 1080, height: 1080, originalName: 'mara-linen.jpg' });
    const post = await callOrThrow(client, 'posts.get', { id: used.postId });
    expect(post.caption).toBe('📷 @mara.k on Instagram');
    expect(post.media).toEqual([{ assetId: used.assetId, altText: 'Photo by @mara.k', crop: null }]);

    const edited = await callOrThrow(client, 'rights.update', { id: used.rightsRequestId, template: 'Hi @{author}, may {brand} repost {link}?' });
    expect(edited.request.message).toEqual({ ok: true, text: 'Hi @mara.k, may Kestrel Linen repost https://www.instagram.com/p/mara?' });
    expect(edited.postState).toBe('draft');
    const sent = await callOrThrow(client, 'rights.markSent', { id: used.rightsRequestId });
    expect(sent).toMatchObject({ sentVia: 'manual', messageSent: 'Hi @mara.k, may Kestrel Linen repost https://www.instagram.com/p/mara?', status: 'asked' });
    // What was sent is the record.
    const late = await client.call('rights.update', { id: used.rightsRequestId, template: 'Something else {author}' });
    expect(late.ok).toBe(false);

    expect((await client.call('posts.publish', { id: used.postId })).ok).toBe(false);
    // Nor can it take a time: scheduling is refused too.
    const schedule = await client.call('posts.schedule', { id: used.postId, at: '2026-12-01T10:00:00Z' });
    expect(schedule.ok).toBe(false);
    expect((await callOrThrow(client, 'posts.get', { id: used.postId })).state).toBe('draft');
    const granted = await callOrThrow(client, 'rights.update', { id: used.rightsRequestId, status: 'granted' });
    expect(granted).toMatchObject({ request: { status: 'granted', actor: ws.backend.context.who.actor }, postState: 'valid' });
    const check = await callOrThrow(client, 'posts.validate', { id: used.postId });
    expect(check.violations).toEqual([]);
    const published = await callOrThrow(client, 'posts.publish', { id: used.postId });
    expect(published.state).toBe('publishing');

    expect(auditActions(ws, used.rightsRequestId)).toEqual(['rights.request', 'rights.edit', 'rights.send', 'rights.status']);
    const status = ws.backend.context.db.prepare("SELECT actor, device_id AS deviceId, at, details FROM audit_log WHERE action = 'rights.status'").get() as { actor: string; deviceId: string; at: string; details: string };
    expect(status).toMatchObject({ actor: ws.backend.context.who.actor, deviceId: ws.backend.context.who.deviceId });
    expect(JSON.parse(status.details)).toMatchObject({ from: 'asked', to: 'granted', postId: used.postId });
    expect(verifyAudit(ws.backend.context.db).ok).toBe(true);
  });

  it('refuses an image it cannot fetch, saying why, and still drafts the post', async () => {
    const { ws, ids } = await openWithItems();
    const used = await callOrThrow(ws.client, 'studio.useItem', { itemId: ids.gone, brand: 'Kestrel', template: 'Hi @{author}, may {brand} repost {link}?' });
    // No permalink on the item: the message says where instead of leaving a gap.
    expect((await callOrThrow(ws.client, 'rights.get', { id: used.rightsRequestId }))?.message).toEqual({ ok: true, text: 'Hi @li.wei, may Kestrel repost your post on Instagram?' });
    expect(used.assetId).toBeNull();
    expect(used.imageRefused).toMatch(/could not be fetched from 127\.0\.0\.1:\d+: it answered 404/);
    expect((await callOrThrow(ws.client, 'media.list', {})).assets).toEqual([]);
    expect((await callOrThrow(ws.client, 'posts.get', { id: used.postId })).media).toEqual([]);
  });

  it('keeps a refused request refused: the post goes back to draft and can no longer be granted', async () => {
    const { ws, ids } = await openWithItems();
    const { client } = ws;
    const used = await callOrThrow(client, 'studio.useItem', { itemId: ids.photo, brand: 'Kestrel Linen' });
    expect((await callOrThrow(client, 'rights.update', { id: used.rightsRequestId, status: 'granted' })).postState).toBe('valid');
    const refused = await callOrThrow(client, 'rights.update', { id: used.rightsRequestId, status: 'refused' });
    expect(refused.postState).toBe('draft');
    const again = await client.call('rights.update', { id: used.rightsRequestId, status: 'granted' });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('@mara.k refused the rights request') });
    const check = await callOrThrow(client, 'posts.validate', { id: used.postId });
    expect(check.violations.find((v) => v.rule === 'rights_not_granted')?.message).toContain('refused');
    expect((await client.call('posts.schedule', { id: used.postId, at: '2026-12-01T10:00:00Z' })).ok).toBe(false);
    expect((await client.call('posts.publish', { id: used.postId })).ok).toBe(false);
    expect((await callOrThrow(client, 'rights.list', { status: 'refused' })).requests.map((r) => r.id)).toEqual([used.rightsRequestId]);
  });

  it('refuses an unknown item and a placeholder that does not exist', async () => {
    const { ws, ids } = await openWithItems();
    expect((await ws.client.call('studio.useItem', { itemId: 'nope' })).ok).toBe(false);
    // A title that only repeats the body is quoted once.
    upsertItems(ws.backend.context.db, [sampleItem(4, { platform: 'discourse', kind: 'post', title: 'LOVE THIS MUG!', body: 'Love this mug.', author: { remoteId: 'u4', name: 'kit' } })], ws.backend.context.clock);
    const repeated = ws.backend.context.db.prepare("SELECT id FROM items WHERE remote_id = 'c4'").pluck().get() as string;
    const quoted = await callOrThrow(ws.client, 'studio.useItem', { itemId: repeated });
    expect((await callOrThrow(ws.client, 'posts.get', { id: quoted.postId })).caption).toBe('“Love this mug.”\n\n📷 @kit on the forum');
    const used = await callOrThrow(ws.client, 'studio.useItem', { itemId: ids.review, brand: 'Kestrel', template: 'Hi {author}, from {shop}' });
    const sent = await ws.client.call('rights.markSent', { id: used.rightsRequestId });
    expect(sent.ok).toBe(false);
    if (!sent.ok) expect(sent.error.message).toContain('{shop}');
    expect((await callOrThrow(ws.client, 'rights.get', { id: used.rightsRequestId }))?.sentAt).toBeNull();
  });
});

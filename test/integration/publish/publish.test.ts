// Publishing to Instagram over real HTTP against the simulator: a single image, a carousel of three
// with product tags (Meta product ids found by SKU, at the x, y placed), the quota read first and
// honoured, a container that fails to process, a stored container past 24 h rebuilt, and a
// media_publish whose reply is lost after Instagram applied it, reconciled without a second publish.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callOrThrow } from '../../../src/api/client.ts';
import { mediaDirIn } from '../../../src/backend/mediaHandlers.ts';
import { SyncService } from '../../../src/backend/sync/service.ts';
import type { RunningSimulators } from '../../../src/platforms/sim/index.ts';
import { getMediaAsset } from '../../../src/store/media.ts';
import { listPublishJobs } from '../../../src/store/publishJobs.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { CATALOG_SEED, movableClock, openPublishWorkspace, published, queuedPost, startInstagram, type PublishWorkspace } from './harness.ts';

const tempDir = useTempDir('stoa-publish-');
let sim: RunningSimulators | null = null;
let ws: PublishWorkspace | null = null;
afterEach(async () => {
  ws?.close();
  ws = null;
  await sim?.close();
  sim = null;
});

const CAPTION = '#ad Slow mornings in the linen shirt, coffee in the speckled mug. #slowliving';
const metaId = (s: RunningSimulators, retailerId: string) => {
  const sims = s.simulator('instagram') as unknown as { catalog: { products: { retailer_id: string; product_id: string }[] } };
  return sims.catalog.products.find((p) => p.retailer_id === retailerId)?.product_id;
};

describe('publishing to Instagram', () => {
  it('publishes a single image and stores the permalink', async () => {
    sim = await startInstagram('publish-single', { catalogProducts: CATALOG_SEED });
    ws = await openPublishWorkspace(tempDir(), sim, 1);
    const id = await queuedPost(ws, 'A quiet morning. #slowliving', [ws.assets[0] as string]);
    expect(await ws.service.publishDue()).toMatchObject({ published: 1, failed: 0, deferred: 0 });
    const post = await callOrThrow(ws.client, 'posts.get', { id });
    const out = published(sim);
    expect(out).toHaveLength(1);
    expect(post).toMatchObject({ state: 'published', permalink: out[0]?.permalink, failure: null });
    expect(out[0]).toMatchObject({ caption: 'A quiet morning. #slowliving', children: [], product_tags: [] });
    // The image went as a public address on the media host (here the simulator's own), named by its bytes.
    const container = sim.requests('instagram').find((r) => r.method === 'POST' && r.path.endsWith('/media'));
    const asset = getMediaAsset(ws.backend.context.db, ws.assets[0] as string);
    const bytes = readFileSync(join(mediaDirIn(ws.backend.context.dataDir), asset?.file ?? ''));
    expect(new URLSearchParams(container?.body).get('image_url')).toBe(`${sim.url}/__sim/media-host/${createHash('sha256').update(bytes).digest('hex')}.jpg`);
    // Nothing left to send: a second pass does nothing.
    expect(await ws.service.publishDue()).toMatchObject({ published: 0, failed: 0, deferred: 0 });
    expect(published(sim)).toHaveLength(1);
  });

  it('publishes a carousel of three with product tags on the right children at the right x, y', async () => {
    sim = await startInstagram('publish-carousel', { catalogProducts: CATALOG_SEED });
    ws = await openPublishWorkspace(tempDir(), sim, 3);
    const tags = [
      { mediaIndex: 0, productId: 'LS-M-NAT', x: 0.25, y: 0.4 },
      { mediaIndex: 2, productId: 'MUG-SPK', x: 0.6, y: 0.75 },
      { mediaIndex: 2, productId: 'LS-M-NAT', x: 0.1, y: 0.9 },
    ];
    const id = await queuedPost(ws, CAPTION, ws.assets, tags);
    expect(await ws.service.publishDue()).toMatchObject({ published: 1 });
    const [media] = published(sim);
    const shirt = metaId(sim, 'LS-S-NAT');
    const mug = metaId(sim, 'MUG-SPK');
    expect(media?.caption).toBe(CAPTION);
    expect(media?.children.map((c) => c.product_tags)).toEqual([
      [{ product_id: shirt, x: 0.25, y: 0.4 }],
      [],
      [
        { product_id: mug, x: 0.6, y: 0.75 },
        { product_id: shirt, x: 0.1, y: 0.9 },
      ],
    ]);
    expect((await callOrThrow(ws.client, 'posts.get', { id })).permalink).toBe(media?.permalink);
    const statusReads = sim.requests('instagram').filter((r) => r.method === 'GET' && r.query.includes('status_code'));
    expect(statusReads.length).toBeGreaterThanOrEqual(8); // 4 containers, each IN_PROGRESS once then FINISHED
    const first = sim.requests('instagram').findIndex((r) => r.path.endsWith('/content_publishing_limit'));
    const firstCreate = sim.requests('instagram').findIndex((r) => r.method === 'POST' && r.path.endsWith('/media'));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(firstCreate);
  });

  it('refuses to publish when the 24-hour quota is used, and sends no container', async () => {
    sim = await startInstagram('publish-quota', { catalogProducts: CATALOG_SEED, publishQuota: 1 });
    ws = await openPublishWorkspace(tempDir(), sim, 2);
    const a = await queuedPost(ws, 'First of the day.', [ws.assets[0] as string]);
    expect(await ws.service.publishDue()).toMatchObject({ published: 1 });
    const b = await queuedPost(ws, 'Second of the day.', [ws.assets[1] as string]);
    const creates = () => sim?.requests('instagram').filter((r) => r.method === 'POST' && r.path.endsWith('/media')).length;
    const before = creates();
    expect(await ws.service.publishDue()).toMatchObject({ published: 0, failed: 1 });
    expect(creates()).toBe(before);
    const post = await callOrThrow(ws.client, 'posts.get', { id: b });
    expect(post.state).toBe('failed');
    expect(post.failure).toMatch(/publishing quota \(1 of 1 posts in 24 hours\)/);
    expect((await callOrThrow(ws.client, 'posts.get', { id: a })).state).toBe('published');
    expect(published(sim)).toHaveLength(1);
  });

  it('fails with the reason when Instagram cannot process an image (container ERROR)', async () => {
    sim = await startInstagram('publish-error', { catalogProducts: CATALOG_SEED });
    ws = await openPublishWorkspace(tempDir(), sim, 1);
    const asset = getMediaAsset(ws.backend.context.db, ws.assets[0] as string);
    const id = await queuedPost(ws, 'Cut short before it went out.', [ws.assets[0] as string]);
    // The file is damaged after it was queued: a JPEG cut in half uploads, then fails to process.
    const file = join(mediaDirIn(ws.backend.context.dataDir), asset?.file ?? '');
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    expect(await ws.service.publishDue()).toMatchObject({ failed: 1 });
    const post = await callOrThrow(ws.client, 'posts.get', { id });
    expect(post.state).toBe('failed');
    expect(post.failure).toMatch(/could not process an image: The image could not be processed/);
    expect(published(sim)).toEqual([]);
  });

  // Either Stoa's own clock says the stored container is too old, or only Instagram does (status EXPIRED).
  it.each([
    ['by its stored age', 25 * 3_600_000],
    ['when Instagram reports it EXPIRED', 5 * 60_000],
  ])('rebuilds a stored container older than 24 hours instead of publishing it (%s)', async (_, localAdvance) => {
    sim = await startInstagram('publish-expired', { catalogProducts: CATALOG_SEED });
    const clock = movableClock();
    ws = await openPublishWorkspace(tempDir(), sim, 1, clock);
    const id = await queuedPost(ws, 'Made yesterday, sent today.', [ws.assets[0] as string]);
    // A throttle on the publish step: the container is made and stored, the job waits.
    sim.faults.inject({ platform: 'instagram', method: 'POST', path: 'media_publish', kind: 'rate_limit' });
    expect(await ws.service.publishDue()).toMatchObject({ deferred: 1 });
    const stored = listPublishJobs(ws.backend.context.db, id)[0]?.progress as { containerId: string };
    expect(stored.containerId).toMatch(/^\d+$/);
    clock.advance(localAdvance);
    sim.clock.advance(25 * 3_600_000);
    // A new run (the throttled client's pause is its own): the next day, with the stored container.
    const fresh = new SyncService(ws.backend.context);
    expect(await fresh.publishDue()).toMatchObject({ published: 1 });
    const [media] = published(sim);
    expect(media?.creation_id).not.toBe(stored.containerId);
    const statusOfOld = sim.requests('instagram').filter((r) => r.method === 'GET' && r.path.endsWith(`/${stored.containerId}`));
    // Rebuilt on Stoa's clock without asking Instagram about the old container, or after Instagram said EXPIRED.
    expect(statusOfOld.length > 2).toBe(localAdvance < 3_600_000);
    expect((await callOrThrow(ws.client, 'posts.get', { id })).state).toBe('published');
  });

  it('reconciles a media_publish applied but dropped by reading the container, without a second publish', async () => {
    sim = await startInstagram('publish-drop', { catalogProducts: CATALOG_SEED });
    ws = await openPublishWorkspace(tempDir(), sim, 2);
    const id = await queuedPost(ws, CAPTION, ws.assets, [{ mediaIndex: 1, productId: 'MUG-SPK', x: 0.5, y: 0.5 }]);
    sim.faults.inject({ platform: 'instagram', method: 'POST', path: 'media_publish', kind: 'commit_then_drop' });
    expect(await ws.service.publishDue()).toMatchObject({ published: 1 });
    expect(sim.faults.pending()).toEqual([]);
    const sends = sim.requests('instagram').filter((r) => r.method === 'POST' && r.path.endsWith('/media_publish'));
    expect(sends).toHaveLength(1);
    const out = published(sim);
    expect(out).toHaveLength(1);
    expect((await callOrThrow(ws.client, 'posts.get', { id })).permalink).toBe(out[0]?.permalink);
  });

  it('refuses to queue a post that is not valid', async () => {
    sim = await startInstagram('publish-invalid', { catalogProducts: CATALOG_SEED });
    ws = await openPublishWorkspace(tempDir(), sim, 1);
    const { post } = await callOrThrow(ws.client, 'posts.create', { content: { targets: ['instagram'], caption: 'x'.repeat(2300), media: [{ assetId: ws.assets[0] as string }], productTags: [] } });
    expect(post.state).toBe('draft');
    await expect(callOrThrow(ws.client, 'posts.publish', { id: post.id })).rejects.toThrow(/Only a valid post/);
  });
});

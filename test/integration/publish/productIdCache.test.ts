// Meta product ids are looked up once: the first publish with a tag asks catalog_product_search for
// the product's SKU (retailer id) and stores the Meta product id per account in
// platform_product_ids; a later post tagging the same product is published without asking again. A
// product Meta has not approved is stored with its review status and refused with a clear reason.
import { afterEach, describe, expect, it } from 'vitest';
import { callOrThrow } from '../../../src/api/client.ts';
import type { RunningSimulators } from '../../../src/platforms/sim/index.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { openPublishWorkspace, published, queuedPost, startInstagram, type PublishWorkspace } from './harness.ts';

const tempDir = useTempDir('stoa-product-ids-');
let sim: RunningSimulators | null = null;
let ws: PublishWorkspace | null = null;
afterEach(async () => {
  ws?.close();
  ws = null;
  await sim?.close();
  sim = null;
});

const SEED = [
  { retailerId: 'LS-S-NAT', name: 'Linen Shirt S' },
  { retailerId: 'BN-CHR', name: 'Wool Beanie Charcoal', reviewStatus: 'pending' as const },
];
const CAPTION = '#ad The linen shirt, washed soft. #slowliving';
const searches = (s: RunningSimulators) => s.requests('instagram').filter((r) => r.method === 'GET' && r.path.endsWith('/catalog_product_search'));

describe('Meta product ids', () => {
  it('stores the id catalog_product_search maps, and the next post uses it without searching', async () => {
    sim = await startInstagram('product-id-cache', { catalogProducts: SEED });
    ws = await openPublishWorkspace(tempDir(), sim, 2);
    const db = ws.backend.context.db;
    await queuedPost(ws, CAPTION, [ws.assets[0] as string], [{ mediaIndex: 0, productId: 'LS-S-NAT', x: 0.4, y: 0.5 }]);
    expect(await ws.service.publishDue()).toMatchObject({ published: 1, failed: 0 });
    expect(searches(sim)).toHaveLength(1);
    const metaId = published(sim)[0]?.product_tags[0]?.product_id;
    expect(metaId).toMatch(/^\d+$/);
    const rows = db.prepare('SELECT retailer_id, product_id, review_status FROM platform_product_ids').all();
    expect(rows).toEqual([{ retailer_id: 'LS-S-NAT', product_id: metaId, review_status: 'approved' }]);

    await queuedPost(ws, `${CAPTION} Again.`, [ws.assets[1] as string], [{ mediaIndex: 0, productId: 'LS-S-NAT', x: 0.6, y: 0.3 }]);
    expect(await ws.service.publishDue()).toMatchObject({ published: 1, failed: 0 });
    expect(searches(sim)).toHaveLength(1);
    expect(published(sim)[1]?.product_tags).toEqual([{ product_id: metaId, x: 0.6, y: 0.3 }]);
  });

  it('keeps a product Meta has not approved out of the tags, with its status stored and the reason given', async () => {
    sim = await startInstagram('product-id-pending', { catalogProducts: SEED });
    ws = await openPublishWorkspace(tempDir(), sim, 1);
    const id = await queuedPost(ws, '#ad The wool beanie. #knit', [ws.assets[0] as string], [{ mediaIndex: 0, productId: 'BN-CHR', x: 0.5, y: 0.5 }]);
    expect(await ws.service.publishDue()).toMatchObject({ published: 0, failed: 1 });
    expect(await callOrThrow(ws.client, 'posts.get', { id })).toMatchObject({ state: 'failed', failure: 'Product BN-CHR is not an approved product in the Instagram catalog.' });
    expect(ws.backend.context.db.prepare('SELECT retailer_id, review_status FROM platform_product_ids').all()).toEqual([{ retailer_id: 'BN-CHR', review_status: 'pending' }]);
    expect(published(sim)).toEqual([]);
  });
});

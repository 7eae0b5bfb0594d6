// Instagram's catalog_product_search over real HTTP against the simulator: the whole Meta catalog
// walked by cursor, a search by retailer id, review status carried through (only approved products
// are taggable), and a catalog the account cannot tag from refused as Graph refuses it.
import { afterEach, describe, expect, it } from 'vitest';
import { startInstagramRig, type InstagramRig } from '../platforms/instagramHarness.ts';

let rig: InstagramRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

const seed = Array.from({ length: 150 }, (_, i) => ({
  retailerId: `SKU-${i}`,
  name: i === 7 ? 'Speckled Mug' : `Product ${i}`,
  reviewStatus: i % 50 === 3 ? ('rejected' as const) : i % 10 === 9 ? ('pending' as const) : ('approved' as const),
}));

describe('Instagram catalog_product_search', () => {
  it('walks the whole catalog by cursor and keeps Meta ids by retailer id with their review status', async () => {
    rig = await startInstagramRig({ catalogId: '555', catalogProducts: seed });
    const outcome = await rig.platform.searchCatalog('555', { pageSize: 60 });
    expect(outcome.status).toBe('ok');
    if (outcome.status !== 'ok') return;
    expect(outcome.complete).toBe(true);
    expect(outcome.quarantined).toEqual([]);
    expect(outcome.products.map((p) => p.retailerId)).toEqual(seed.map((s) => s.retailerId));
    const byRetailer = new Map(outcome.products.map((p) => [p.retailerId, p]));
    const served = rig.sim.catalog.products.find((p) => p.retailer_id === 'SKU-3');
    expect(byRetailer.get('SKU-3')).toEqual({ productId: served?.product_id, retailerId: 'SKU-3', name: 'Product 3', reviewStatus: 'rejected', taggable: false });
    expect(byRetailer.get('SKU-9')).toMatchObject({ reviewStatus: 'pending', taggable: false });
    expect(byRetailer.get('SKU-10')).toMatchObject({ reviewStatus: 'approved', taggable: true });
    const calls = rig.requests().filter((r) => r.path.endsWith('/catalog_product_search'));
    expect(calls.map((c) => [c.query.get('catalog_id'), c.query.get('limit'), c.query.has('after')])).toEqual([
      ['555', '60', false],
      ['555', '60', true],
      ['555', '60', true],
    ]);
    expect(calls.every((c) => c.authorization?.startsWith('Bearer '))).toBe(true);
  });

  it('searches by retailer id or name', async () => {
    rig = await startInstagramRig({ catalogId: '555', catalogProducts: seed });
    const bySku = await rig.platform.searchCatalog('555', { query: 'SKU-14' });
    expect(bySku.status === 'ok' && bySku.products.map((p) => p.retailerId)).toEqual(['SKU-14', 'SKU-140', 'SKU-141', 'SKU-142', 'SKU-143', 'SKU-144', 'SKU-145', 'SKU-146', 'SKU-147', 'SKU-148', 'SKU-149']);
    const byName = await rig.platform.searchCatalog('555', { query: 'speckled' });
    expect(byName.status === 'ok' && byName.products.map((p) => p.retailerId)).toEqual(['SKU-7']);
  });

  it('reports a catalog the account cannot tag from as a permanent failure', async () => {
    rig = await startInstagramRig();
    const outcome = await rig.platform.searchCatalog('999');
    expect(outcome).toMatchObject({ status: 'permanent_failure' });
    const defaults = await rig.platform.searchCatalog(rig.sim.catalog.catalogId);
    expect(defaults.status === 'ok' && defaults.products.map((p) => [p.retailerId, p.taggable])).toEqual([
      ['LS-S-NAT', true],
      ['MUG-SPK', true],
      ['BN-CHR', false],
    ]);
  });
});

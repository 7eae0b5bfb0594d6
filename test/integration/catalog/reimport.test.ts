// Re-imports replace a product's variant set (a variant dropped from the file is dropped from the
// catalog, one that could not be read this time is kept), and Shopify products get links from the
// shop domain the person gives. Real fixture files, edited per case, into an on-disk workspace.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callOrThrow } from '../../../src/api/client.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { openTestWorkspace, type TestWorkspace } from '../../support/workspace.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/catalog');
const text = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const base64 = (content: string): string => Buffer.from(content, 'utf8').toString('base64');
const tempDir = useTempDir();
let workspace: TestWorkspace | null = null;

afterEach(async () => {
  await workspace?.close();
  workspace = null;
});

const open = async () => (workspace = await openTestWorkspace(tempDir(), 'in-process'));

/** The file without its lines that contain `marker`. */
const without = (content: string, marker: string): string => {
  const kept = content.split('\n').filter((line) => !line.includes(marker));
  expect(kept.length).toBeLessThan(content.split('\n').length);
  return kept.join('\n');
};

async function variantSkus(client: TestWorkspace['client'], sku: string): Promise<(string | null)[]> {
  const found = await callOrThrow(client, 'catalog.search', { query: sku });
  expect(found.products).toHaveLength(1);
  const product = await callOrThrow(client, 'catalog.get', { id: found.products[0]?.id ?? '' });
  return product.variants.map((v) => v.sku);
}

describe('a re-import of the same source', () => {
  it('drops the Shopify variants the file no longer has, from the product and from search', async () => {
    const { client, backend } = await open();
    const shopify = text('shopify-export.csv');
    await callOrThrow(client, 'catalog.import', { name: 'shopify-export.csv', dataBase64: base64(shopify) });
    expect(await variantSkus(client, 'LS-S-NAT')).toEqual(['LS-S-NAT', 'LS-M-NAT', 'LS-L-NAT']);

    const again = await callOrThrow(client, 'catalog.import', { name: 'shopify-export.csv', dataBase64: base64(without(shopify, 'LS-L-NAT')) });
    expect(again).toMatchObject({ status: 'done', imported: 0, updated: 3, errorCount: 0 });
    expect(await variantSkus(client, 'LS-S-NAT')).toEqual(['LS-S-NAT', 'LS-M-NAT']);
    expect((await callOrThrow(client, 'catalog.search', { query: 'LS-L-NAT' })).total).toBe(0);
    expect(backend.context.db.prepare('SELECT COUNT(*) FROM catalog_variants').pluck().get()).toBe(5);
  });

  it('keeps a stored variant whose row could not be read this time, and keeps everything when the file fails', async () => {
    const { client } = await open();
    const shopify = text('shopify-export.csv');
    await callOrThrow(client, 'catalog.import', { name: 'shopify-export.csv', dataBase64: base64(shopify) });
    const badPrice = shopify.replace(/(LS-M-NAT,200,shopify,0,continue,manual,)58\.00/, '$1-58.00');
    expect(badPrice).not.toBe(shopify);
    const run = await callOrThrow(client, 'catalog.import', { name: 'shopify-export.csv', dataBase64: base64(without(badPrice, 'LS-L-NAT')) });
    expect(run.errors).toEqual([{ line: 7, message: 'variant of "linen-shirt" skipped: price "-58.00" is negative' }]);
    // L is gone from the file and M unreadable: which stored variant a broken row was is not known
    // for sure, so a product with a broken row keeps all it had (and gets what was read).
    expect(await variantSkus(client, 'LS-S-NAT')).toEqual(['LS-S-NAT', 'LS-M-NAT', 'LS-L-NAT']);

    // A file that cannot be read to its end says nothing about what the rest would have had.
    const cut = `${without(shopify, 'LS-L-NAT')}wool-beanie,"never closed\n`;
    const failed = await callOrThrow(client, 'catalog.import', { name: 'cut.csv', dataBase64: base64(cut) });
    expect(failed.errors.at(-1)?.message).toMatch(/never closed, so the rest of the file could not be read/);
    expect(await variantSkus(client, 'LS-S-NAT')).toEqual(['LS-S-NAT', 'LS-M-NAT', 'LS-L-NAT']);
  });

  it('drops a Merchant item gone from its group but keeps one whose row is broken', async () => {
    const { client } = await open();
    const feed = text('merchant-feed.tsv');
    await callOrThrow(client, 'catalog.import', { name: 'merchant-feed.tsv', dataBase64: base64(feed) });
    expect(await variantSkus(client, 'NL-TR2-42')).toEqual(['NL-TR2-42', 'NL-TR2-43']);

    const broken = feed.replace(/(NL-TR2-43\t[^\n]*)129\.95 USD/, '$1twelve dollars');
    expect(broken).not.toBe(feed);
    const kept = await callOrThrow(client, 'catalog.import', { name: 'merchant-feed.tsv', dataBase64: base64(broken) });
    expect(kept.errorCount).toBe(1);
    expect(await variantSkus(client, 'NL-TR2-42')).toEqual(['NL-TR2-42', 'NL-TR2-43']);

    // A row with a tab missing cannot be read either, but its id still names the item.
    const shifted = feed.replace(/(\nNL-TR2-43\t[^\t\n]*)\t/, '$1 ');
    expect(shifted).not.toBe(feed);
    const misaligned = await callOrThrow(client, 'catalog.import', { name: 'merchant-feed.tsv', dataBase64: base64(shifted) });
    expect(misaligned.errors[0]?.message).toMatch(/cells but the header has/);
    expect(await variantSkus(client, 'NL-TR2-42')).toEqual(['NL-TR2-42', 'NL-TR2-43']);

    const dropped = await callOrThrow(client, 'catalog.import', { name: 'merchant-feed.tsv', dataBase64: base64(without(feed, 'NL-TR2-43')) });
    expect(dropped).toMatchObject({ status: 'done', errorCount: 0 });
    expect(await variantSkus(client, 'NL-TR2-42')).toEqual(['NL-TR2-42']);
    expect((await callOrThrow(client, 'catalog.search', { query: 'NL-TR2-43' })).total).toBe(0);
  });
});

describe('the shop domain of a Shopify CSV', () => {
  it('links each product to https://DOMAIN/products/HANDLE, and a re-import with it fills links in', async () => {
    const { client } = await open();
    const shopify = base64(text('shopify-export.csv'));
    await callOrThrow(client, 'catalog.import', { name: 'shopify-export.csv', dataBase64: shopify });
    const found = await callOrThrow(client, 'catalog.search', { query: 'LS-S-NAT' });
    const id = found.products[0]?.id ?? '';
    expect((await callOrThrow(client, 'catalog.get', { id })).link).toBeNull();

    const linked = await callOrThrow(client, 'catalog.import', { name: 'shopify-export.csv', dataBase64: shopify, shopDomain: 'https://Kestrel.example.com/' });
    expect(linked).toMatchObject({ imported: 0, updated: 3 });
    expect((await callOrThrow(client, 'catalog.get', { id })).link).toBe('https://kestrel.example.com/products/linen-shirt');
  });

  it('refuses something that is not a domain with one sentence, before writing anything', async () => {
    const { client, backend } = await open();
    const reply = await client.call('catalog.import', { name: 'shopify-export.csv', dataBase64: base64(text('shopify-export.csv')), shopDomain: 'my shop' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!reply.ok) expect(reply.error.message).toBe('"my shop" is not a shop domain: give the shop\'s address like example.com or myshop.myshopify.com.');
    expect(backend.context.db.prepare('SELECT COUNT(*) FROM catalog_imports').pluck().get()).toBe(0);
  });
});

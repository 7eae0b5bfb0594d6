// The catalog contract end to end over both transports: real files imported into an on-disk
// workspace, re-imports merged, broken rows reported by line and kept with the run, search by
// title, brand, SKU and GTIN, and a feed larger than the HTTP body cap staged in parts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callOrThrow } from '../../../src/api/client.ts';
import { CATALOG_UPLOAD_PART_BYTES } from '../../../src/core/catalog.ts';
import { verifyAudit } from '../../../src/store/audit.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { openTestWorkspace, type TestWorkspace, type TransportKind } from '../../support/workspace.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/catalog');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name)).toString('base64');
const tempDir = useTempDir();
let workspace: TestWorkspace | null = null;

afterEach(async () => {
  await workspace?.close();
  workspace = null;
});

describe.each<TransportKind>(['in-process', 'http'])('catalog over %s', (kind) => {
  const open = async () => (workspace = await openTestWorkspace(tempDir(), kind));

  it('imports a Shopify export, merges a re-import, and finds products by title, SKU and GTIN', async () => {
    const { client, backend } = await open();
    const first = await callOrThrow(client, 'catalog.import', { name: 'shopify-export.csv', dataBase64: fixture('shopify-export.csv') });
    expect(first).toMatchObject({ status: 'done', format: 'shopify', dialect: 'export', imported: 3, updated: 0, errorCount: 0, errors: [], failure: null });
    const again = await callOrThrow(client, 'catalog.import', { name: 'shopify-export.csv', dataBase64: fixture('shopify-export.csv') });
    expect(again).toMatchObject({ imported: 0, updated: 3, errors: [] });
    const db = backend.context.db;
    expect(db.prepare('SELECT COUNT(*) FROM catalog_products').pluck().get()).toBe(3);
    expect(db.prepare('SELECT COUNT(*) FROM catalog_variants').pluck().get()).toBe(6);

    const listed = await callOrThrow(client, 'catalog.list', { limit: 2 });
    expect(listed.total).toBe(3);
    expect(listed.products.map((p) => p.title)).toEqual(['Ceramic Mug — Speckled', 'Linen Shirt']);
    expect(listed.nextCursor).toBe('2');
    const rest = await callOrThrow(client, 'catalog.list', { limit: 2, cursor: listed.nextCursor });
    expect(rest.products.map((p) => p.title)).toEqual(['Wool Beanie']);

    const bySku = await callOrThrow(client, 'catalog.search', { query: 'LS-M' });
    expect(bySku.products.map((p) => p.key)).toEqual(['linen-shirt']);
    const byGtin = await callOrThrow(client, 'catalog.search', { query: '0812345000042' });
    expect(byGtin.products.map((p) => p.key)).toEqual(['ceramic-mug']);
    const byBrand = await callOrThrow(client, 'catalog.search', { query: 'kestrel' });
    expect(byBrand.products.map((p) => p.key).sort()).toEqual(['linen-shirt', 'wool-beanie']);
    const byWordPrefix = await callOrThrow(client, 'catalog.search', { query: 'specKL' });
    expect(byWordPrefix.products.map((p) => p.title)).toEqual(['Ceramic Mug — Speckled']);

    const shirt = await callOrThrow(client, 'catalog.get', { id: bySku.products[0]?.id ?? '' });
    expect(shirt).toMatchObject({ source: 'shopify', sku: 'LS-S-NAT', price: { amount: '58.00', currency: 'USD' }, variantCount: 3, lastImportId: again.id });
    expect(shirt.variants.map((v) => [v.sku, v.title, v.availability])).toEqual([
      ['LS-S-NAT', 'S / Natural', 'in_stock'],
      ['LS-M-NAT', 'M / Natural', 'backorder'],
      ['LS-L-NAT', 'L / Natural', 'in_stock'],
    ]);
    expect(await client.call('catalog.get', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const audit = db.prepare("SELECT subject, details FROM audit_log WHERE action = 'catalog.import' ORDER BY seq").all() as { subject: string; details: string }[];
    expect(audit.map((a) => a.subject)).toEqual([first.id, again.id]);
    expect(JSON.parse(audit[1]?.details ?? '{}')).toMatchObject({ fileName: 'shopify-export.csv', imported: 0, updated: 3, errors: 0 });
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('keeps the good rows of a broken file and every row error with the run', async () => {
    const { client, backend } = await open();
    const run = await callOrThrow(client, 'catalog.import', { name: 'merchant-broken.tsv', dataBase64: fixture('merchant-broken.tsv') });
    expect(run).toMatchObject({ status: 'done', format: 'gmc-tsv', encoding: 'utf-8 (BOM)', imported: 3, updated: 0, errorCount: 7 });
    expect(run.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 11]);
    expect(run.errors[0]?.message).toMatch(/twelve dollars/);
    const stored = backend.context.db.prepare('SELECT line, message FROM catalog_import_errors WHERE import_id = ? ORDER BY seq').all(run.id);
    expect(stored).toEqual(run.errors);
    // The two items of group NL-TR2 (lines 2 and 10, apart in the file) are one product.
    const group = await callOrThrow(client, 'catalog.search', { query: 'NL-TR2-43' });
    expect(group.products).toHaveLength(1);
    const product = await callOrThrow(client, 'catalog.get', { id: group.products[0]?.id ?? '' });
    expect(product.variants.map((v) => v.sku)).toEqual(['NL-TR2-42', 'NL-TR2-43']);

    const runs = await callOrThrow(client, 'catalog.imports', {});
    expect(runs.map((r) => [r.fileName, r.errorCount])).toEqual([['merchant-broken.tsv', 7]]);
  });

  it('ends a run as failed with one sentence when required columns are missing, importing nothing', async () => {
    const { client, backend } = await open();
    const run = await callOrThrow(client, 'catalog.import', { name: 'merchant-missing-columns.tsv', dataBase64: fixture('merchant-missing-columns.tsv') });
    expect(run).toMatchObject({ status: 'failed', imported: 0, errors: [] });
    expect(run.failure).toBe('Line 1: This Merchant Center feed has no "availability" or "price" column, which Google requires for every product; add them and import again.');
    expect(backend.context.db.prepare('SELECT COUNT(*) FROM catalog_products').pluck().get()).toBe(0);
  });

  it('merges a Merchant TSV and the same feed as XML into the same products, apart from Shopify ones', async () => {
    const { client } = await open();
    const tsv = await callOrThrow(client, 'catalog.import', { name: 'merchant-feed.tsv', dataBase64: fixture('merchant-feed.tsv') });
    expect(tsv).toMatchObject({ imported: 4, updated: 0 });
    const xml = await callOrThrow(client, 'catalog.import', { name: 'merchant-feed.xml', dataBase64: fixture('merchant-feed.xml') });
    expect(xml).toMatchObject({ format: 'gmc-xml', imported: 0, updated: 4 });
    const latin = await callOrThrow(client, 'catalog.import', { name: 'latin1.csv', dataBase64: fixture('shopify-template-latin1.csv'), currency: 'EUR' });
    expect(latin).toMatchObject({ imported: 2, encoding: 'windows-1252' });
    expect(latin.warnings[0]).toMatch(/read as Windows-1252/);
    const balms = await callOrThrow(client, 'catalog.search', { query: 'creme brulee' });
    expect(balms.products.map((p) => [p.source, p.price]).sort()).toEqual([
      ['merchant', { amount: '8.00', currency: 'EUR' }],
      ['shopify', { amount: '8.00', currency: 'EUR' }],
    ]);
  });

  it('imports a feed larger than the HTTP body cap through staged parts', async () => {
    const { client } = await open();
    const header = 'id\ttitle\tdescription\tlink\timage_link\tavailability\tprice\tbrand\n';
    const rows = Array.from({ length: 12_000 }, (_, i) => `SKU-${i}\tProduct number ${i}\tA plain description for product ${i}.\thttps://shop.example.com/p/${i}\thttps://shop.example.com/i/${i}.jpg\tin_stock\t${(i % 500) + 0.99} USD\tBrand ${i % 40}\n`);
    const bytes = Buffer.from(header + rows.join(''));
    expect(bytes.length).toBeGreaterThan(1_000_000);
    let uploadId: string | undefined;
    for (let at = 0; at < bytes.length; at += CATALOG_UPLOAD_PART_BYTES) {
      const part = await callOrThrow(client, 'catalog.uploadPart', { ...(uploadId ? { uploadId } : {}), dataBase64: bytes.subarray(at, at + CATALOG_UPLOAD_PART_BYTES).toString('base64') });
      uploadId = part.uploadId;
      expect(part.receivedBytes).toBe(Math.min(bytes.length, at + CATALOG_UPLOAD_PART_BYTES));
    }
    const run = await callOrThrow(client, 'catalog.import', { name: 'big.tsv', uploadId: uploadId as string });
    expect(run).toMatchObject({ imported: 12_000, errorCount: 0 });
    expect((await callOrThrow(client, 'catalog.search', { query: 'SKU-11999' })).products.map((p) => p.title)).toEqual(['Product number 11999']);
    // The staged file went with the import.
    expect(await client.call('catalog.import', { name: 'big.tsv', uploadId: uploadId as string })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

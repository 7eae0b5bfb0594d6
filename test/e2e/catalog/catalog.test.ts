// The product catalog in real Chromium against the real browser-mode server: import a Shopify
// export through the file input, import a broken Merchant feed and read its skipped rows by line,
// search by SKU and by word, and see that remote product images are shown as placeholders (the
// CSP keeps third-party images out) without a console error.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from '../pages/AppPage.ts';
import { StudioCatalogPage } from '../pages/StudioCatalogPage.ts';
import { openWatchedPage } from '../support/browser.ts';
import { startDemoServer, type DemoServer } from '../support/demoServer.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/catalog');
let browser: Browser;
let server: DemoServer;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  server = await startDemoServer();
  ({ browser, page, consoleErrors } = await openWatchedPage({ width: 1400, height: 1000 }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Studio catalog in Chromium', () => {
  it('imports catalogs through the file input, reports skipped rows by line, and searches products', async () => {
    const app = new AppPage(page);
    await app.open(server.url);
    const catalog = new StudioCatalogPage(page);
    await catalog.open();
    await expect.poll(() => page.getByText('No products yet: import a catalog file.').count()).toBe(1);

    await catalog.setShopifyCurrency('eur');
    await catalog.importFile(join(FIXTURES, 'shopify-export.csv'));
    await expect.poll(() => catalog.reportSummary().textContent(), { timeout: 30_000 }).toBe('shopify-export.csv: 3 imported, 0 updated, 0 rows with errors');
    await expect.poll(() => catalog.products().count()).toBe(3);

    await catalog.importFile(join(FIXTURES, 'merchant-broken.tsv'));
    await expect.poll(() => catalog.reportSummary().textContent(), { timeout: 30_000 }).toBe('merchant-broken.tsv: 3 imported, 0 updated, 7 rows with errors');
    const skipped = await catalog.skippedRows().allTextContents();
    expect(skipped).toHaveLength(7);
    expect(skipped[0]).toBe('Line 3 item "BAD-PRICE": price "twelve dollars" is not an amount with an optional 3-letter currency (like "19.99 USD")');
    expect(skipped[6]).toBe('Line 11 item "HK-MUG-01" is a duplicate of the item on line 9; skipped');
    await expect.poll(() => catalog.products().count()).toBe(6);

    await catalog.search('LS-M');
    await expect.poll(() => catalog.products().allTextContents()).toEqual([expect.stringContaining('Linen Shirt')]);
    const shirt = catalog.product('Linen Shirt');
    expect(await shirt.textContent()).toMatch(/Kestrel & Co · LS-S-NAT58\.00 EUR In stock3 variants · Shopify · GTIN 0812345000011/);
    // The remote image is named, not loaded.
    expect(await shirt.textContent()).toContain('Image on cdn.shopify.com');
    expect(await shirt.getByRole('img').count()).toBe(0);

    await catalog.search('trail runner');
    // Poll on what the cards say, not how many there are: the previous search also showed one.
    await expect.poll(async () => (await catalog.products().allTextContents()).map((text) => /Trail Runner 2 .*2 variants · Merchant Center/.test(text))).toEqual([true]);

    await catalog.search('');
    await expect.poll(() => catalog.products().count()).toBe(6);
    const stored = server.demo.backend.context.db.prepare('SELECT COUNT(*) FROM catalog_products').pluck().get();
    expect(stored).toBe(6);
    expect(consoleErrors).toEqual([]);
  });
});

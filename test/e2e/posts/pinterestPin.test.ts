// One post for Instagram and Pinterest in real Chromium against the demo (which connects a simulated
// Pinterest account beside the Instagram one): a Shopify export imported with the shop's domain so
// products carry catalog links, one photo, the Pinterest target turned on, a board picked from the
// account's boards, a product tagged (the pin's link defaults to its catalog link, said so), the
// paid-partnership label alone seen to leave the pin undisclosed, a title
// one character over Pinterest's limit seen as a Pinterest violation (none for Instagram) and fixed,
// both previews shown — the pin with its 2:3 image, title and link domain — then published and
// synced. The simulator's GET /__sim/state must hold the pin on the picked board with the
// product's link, and the Instagram post.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { photo } from '../../integration/media/images.ts';
import { AppPage } from '../pages/AppPage.ts';
import { StudioCatalogPage } from '../pages/StudioCatalogPage.ts';
import { StudioMediaPage } from '../pages/StudioMediaPage.ts';
import { openWatchedPage } from '../support/browser.ts';
import { startDemoServer, type DemoServer } from '../support/demoServer.ts';
import { StudioComposerPage } from './StudioComposerPage.ts';
import { SHOPIFY_EXPORT } from './studioScenario.ts';

const PRODUCT_LINK = 'https://shop.example.com/products/linen-shirt';
const CAPTION = '#ad Sunday morning in the linen shirt.';
const simState = z.object({
  platforms: z.object({
    instagram: z.object({ published: z.array(z.object({ id: z.string(), caption: z.string(), product_tags: z.array(z.object({ product_id: z.string() })).default([]) })) }),
    pinterest: z.object({ published: z.array(z.object({ id: z.string(), caption: z.string(), title: z.string().nullable(), link: z.string().nullable(), board_id: z.string() })) }),
  }),
});

let browser: Browser;
let server: DemoServer;
let page: Page;
let photoDir: string;
let consoleErrors: string[];

beforeAll(async () => {
  photoDir = mkdtempSync(join(tmpdir(), 'stoa-pin-photo-'));
  writeFileSync(join(photoDir, 'shirt-portrait.jpg'), await photo(1080, 1350));
  server = await startDemoServer();
  ({ browser, page, consoleErrors } = await openWatchedPage({ width: 1400, height: 1300 }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (photoDir) rmSync(photoDir, { recursive: true, force: true });
});

describe('A post for Instagram and Pinterest in Chromium', () => {
  it('picks a board, shows both previews, validates per target, publishes both, and the pin lands on the board with the product link', async () => {
    const app = new AppPage(page);
    await app.open(server.url);
    const catalog = new StudioCatalogPage(page);
    await catalog.open();
    await catalog.setShopifyCurrency('EUR');
    await page.getByLabel('Shop domain (optional)').fill('shop.example.com');
    await catalog.importFile(SHOPIFY_EXPORT);
    await catalog.reportSummary().filter({ hasText: /: 3 imported, 0 updated, 0 rows with errors$/ }).waitFor({ timeout: 30_000 });
    const media = new StudioMediaPage(page);
    await media.open();
    await media.importFiles([join(photoDir, 'shirt-portrait.jpg')]);
    await media.importResults().filter({ hasText: /^shirt-portrait\.jpg: imported$/ }).waitFor({ timeout: 30_000 });

    const composer = new StudioComposerPage(page);
    await composer.open();
    await expect.poll(() => composer.publishingAccounts().allTextContents()).toEqual([expect.stringMatching(/^Instagram: publishes through \S/), expect.stringMatching(/^Pinterest: publishes through \S/)]);
    await composer.addFromLibrary('shirt-portrait.jpg');
    await composer.setTarget('pinterest', true);
    await expect.poll(() => composer.pinFields().count()).toBe(1);
    await composer.chooseBoard('Behind the scenes');
    const boardId = await composer.boardId('Behind the scenes');
    expect(boardId).toMatch(/^\d+$/);

    // Before a product is tagged the pin has no link; tagging one makes its catalog link the default.
    expect(await composer.pinLinkSource().textContent()).toMatch(/^No link/);
    await composer.clickImage(0.4, 0.4);
    await composer.pickProduct('Linen', /^Linen Shirt/);
    await composer.tags().first().waitFor();
    await expect.poll(() => composer.pinLinkSource().textContent()).toBe(`Links to ${PRODUCT_LINK} (the first tagged product’s catalog link).`);

    // The paid-partnership label alone discloses the Instagram post but not the pin (Pinterest gets no label).
    await composer.typeCaption(CAPTION.replace('#ad ', ''));
    await page.getByLabel('Paid partnership label').check();
    await expect.poll(() => composer.findings().filter({ hasText: /^\S+: On pinterest \(no paid-partnership label there\): / }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await composer.ready().textContent()).toBe('Not ready yet.');
    await page.getByLabel('Paid partnership label').uncheck();

    // A title one over Pinterest's 100: a Pinterest violation, none for Instagram.
    await composer.typeCaption(CAPTION);
    await composer.typePinTitle('L'.repeat(101));
    await expect.poll(() => composer.pinCounter('title').textContent()).toBe('101/100');
    await expect.poll(() => composer.violations().evaluateAll((items) => items.map((li) => `${li.getAttribute('data-target')} ${li.getAttribute('data-rule')}`)), { timeout: 10_000 }).toEqual(['pinterest pinterest.title.max_chars']);
    expect(await composer.violationCount('pinterest')).toBe('1');
    expect(await composer.violationCount('instagram')).toBe('0');
    await composer.typePinTitle('Linen shirt, Sunday edition');
    await expect.poll(() => composer.violations().count(), { timeout: 10_000 }).toBe(0);
    expect(await composer.pinCounter('title').textContent()).toBe('27/100');
    expect(await composer.pinCounter('description').textContent()).toBe(`${CAPTION.length}/500`);

    // Both previews: Instagram's feed crop and the pin (2:3 image, title, description, link domain).
    await expect.poll(() => composer.previews().evaluateAll((figures) => figures.map((f) => f.getAttribute('data-target')))).toEqual(['instagram', 'pinterest']);
    const pin = composer.pinPreview();
    await expect.poll(() => pin.locator('.pin-title').textContent()).toBe('Linen shirt, Sunday edition');
    expect(await pin.locator('.pin-description').textContent()).toBe(CAPTION);
    expect(await pin.getByTestId('pin-domain').textContent()).toBe('shop.example.com');
    const image = pin.locator('img');
    await image.waitFor();
    // Node's types have no DOM: the image element's natural size, structurally.
    const ratio = await image.evaluate((img) => {
      const { naturalWidth, naturalHeight } = img as unknown as { naturalWidth: number; naturalHeight: number };
      return naturalWidth / naturalHeight;
    });
    expect(ratio).toBeCloseTo(2 / 3, 2);

    await expect.poll(() => composer.ready().textContent(), { timeout: 10_000 }).toBe('Ready: no limit or disclosure problem.');
    await expect.poll(() => composer.status().textContent(), { timeout: 10_000 }).toMatch(/Saved revision \d+ \(valid\)\./);
    await composer.publish();
    await expect.poll(() => composer.postState().textContent(), { timeout: 10_000 }).toMatch(/^Publishing/);
    await app.syncNow();
    await expect.poll(() => composer.postState().textContent(), { timeout: 60_000 }).toMatch(/^Published/);

    const response = await fetch(`${server.demo.simulators.url}/__sim/state`);
    expect(response.status).toBe(200);
    const { platforms } = simState.parse(await response.json());
    expect(platforms.pinterest.published).toEqual([expect.objectContaining({ board_id: boardId, link: PRODUCT_LINK, title: 'Linen shirt, Sunday edition', caption: CAPTION })]);
    expect(platforms.instagram.published).toEqual([expect.objectContaining({ caption: CAPTION, product_tags: [expect.objectContaining({ product_id: expect.any(String) })] })]);
    expect(consoleErrors).toEqual([]);
  });
});

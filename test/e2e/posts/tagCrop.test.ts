// Tags follow a crop change in the composer, in real Chromium: three tags clicked on a 4:5
// portrait sent whole, then the image set to Instagram 1:1 (the centred square, 0.1 of the height
// cut at top and bottom). Each tag stays on the same point of the photo, the one near the top edge
// falls outside the square and is flagged, and setting the original shape back returns the others
// to where they were clicked.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from '../pages/AppPage.ts';
import { openWatchedPage } from '../support/browser.ts';
import { startDemoServer, type DemoServer } from '../support/demoServer.ts';
import { StudioComposerPage } from './StudioComposerPage.ts';
import { importCatalogAndPhotos, PHOTO_NAMES, writePhotos } from './studioScenario.ts';

let browser: Browser;
let server: DemoServer;
let page: Page;
let photoPaths: string[];
let consoleErrors: string[];

beforeAll(async () => {
  photoPaths = await writePhotos();
  server = await startDemoServer();
  ({ browser, page, consoleErrors } = await openWatchedPage({ width: 1400, height: 1100 }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (photoPaths?.[0]) rmSync(dirname(photoPaths[0]), { recursive: true, force: true });
});

const positions = async (composer: StudioComposerPage) => (await composer.tags().allTextContents()).map((t) => /at ([\d.]+), ([\d.]+)/.exec(t)?.slice(1).map(Number));

describe('Studio composer: tags and crop', () => {
  it('keeps tags on the same point of the photo when the crop changes, and flags the one the crop leaves out', async () => {
    await new AppPage(page).open(server.url);
    await importCatalogAndPhotos(page, photoPaths);
    const composer = new StudioComposerPage(page);
    await composer.open();
    await composer.addFromLibrary(PHOTO_NAMES[0]);
    for (const [x, y, query] of [
      [0.3, 0.5, 'Linen'],
      [0.7, 0.3, 'mug'],
      [0.5, 0.05, 'Beanie'],
    ] as const) {
      await composer.clickImage(x, y);
      await composer.pickProduct(query, new RegExp(query, 'i'));
    }
    await expect.poll(() => composer.tags().count()).toBe(3);
    const clicked = await positions(composer);

    await composer.setCrop(1, 'Instagram 1:1');
    // y in the square = (y − 0.1) ÷ 0.8; x unchanged (the square is the full width).
    await expect.poll(() => positions(composer)).toEqual([
      [clicked[0]?.[0], Math.round(((clicked[0]?.[1] ?? 0) - 0.1) / 0.8 * 1000) / 1000],
      [clicked[1]?.[0], Math.round(((clicked[1]?.[1] ?? 0) - 0.1) / 0.8 * 1000) / 1000],
      [clicked[2]?.[0], 0],
    ]);
    const flagged = composer.tags().filter({ hasText: 'outside the new crop' });
    expect(await flagged.count()).toBe(1);
    expect(await composer.tags().nth(2).getAttribute('data-outside')).toBe('true');

    await composer.setCrop(1, 'Original shape');
    await expect.poll(async () => (await positions(composer)).slice(0, 2)).toEqual(clicked.slice(0, 2));
    // The flagged one stays where it was put: the square's top edge, 0.1 of the original.
    expect((await positions(composer))[2]?.[1]).toBe(0.1);
    expect(consoleErrors).toEqual([]);
  });
});

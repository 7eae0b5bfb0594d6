// Deleting from the media library in real Chromium: an image a saved post uses is refused with the
// post named, an unused one disappears from the library and its files from the workspace.
import { existsSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOrThrow, createClient } from '../../../src/api/client.ts';
import { inProcessTransport } from '../../../src/api/inProcess.ts';
import { AppPage } from '../pages/AppPage.ts';
import { StudioMediaPage } from '../pages/StudioMediaPage.ts';
import { StudioComposerPage } from '../posts/StudioComposerPage.ts';
import { importCatalogAndPhotos, PHOTO_NAMES, writePhotos } from '../posts/studioScenario.ts';
import { openWatchedPage } from '../support/browser.ts';
import { startDemoServer, type DemoServer } from '../support/demoServer.ts';

let browser: Browser;
let server: DemoServer;
let page: Page;
let photoPaths: string[];
let consoleErrors: string[];

beforeAll(async () => {
  photoPaths = await writePhotos();
  server = await startDemoServer();
  ({ browser, page, consoleErrors } = await openWatchedPage({ width: 1400, height: 1000 }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (photoPaths?.[0]) rmSync(dirname(photoPaths[0]), { recursive: true, force: true });
});

describe('Studio media delete in Chromium', () => {
  it('refuses to delete an image a post uses and deletes an unused one with its files', async () => {
    await new AppPage(page).open(server.url);
    await importCatalogAndPhotos(page, photoPaths);
    const composer = new StudioComposerPage(page);
    await composer.open();
    await composer.addFromLibrary(PHOTO_NAMES[0]);
    await composer.typeCaption('Weekend uniform.');
    await expect.poll(() => composer.status().textContent(), { timeout: 10_000 }).toMatch(/^Saved revision 1/);
    const client = createClient(inProcessTransport(server.demo.backend.handlers, server.demo.backend.events));
    const [post] = (await callOrThrow(client, 'posts.list', {})).posts;

    const media = new StudioMediaPage(page);
    await media.open();
    await media.select(PHOTO_NAMES[0]);
    await media.deleteSelected();
    await expect.poll(() => media.status().textContent()).toBe(`Media ${post?.media[0]?.assetId} is used by post ${post?.id}; remove it from that post first.`);
    expect(await media.libraryItems().count()).toBe(2);

    const unused = (await callOrThrow(client, 'media.list', {})).assets.find((a) => a.originalName === PHOTO_NAMES[1]);
    const files = [unused?.path ?? 'missing', ...(unused?.renditions.map((r) => r.path) ?? [])];
    expect(files.every((f) => existsSync(f))).toBe(true);
    await media.select(PHOTO_NAMES[1]);
    await media.deleteSelected();
    await expect.poll(() => media.importResults().allTextContents()).toEqual([`${PHOTO_NAMES[1]}: deleted`]);
    await expect.poll(() => media.libraryItems().count()).toBe(1);
    expect(files.filter((f) => existsSync(f))).toEqual([]);
    // The refusal is an HTTP 409 from the browser-mode server, which Chromium logs; nothing else.
    expect(consoleErrors).toEqual(['Failed to load resource: the server responded with a status of 409 (Conflict)']);
  });
});

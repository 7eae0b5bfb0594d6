// The media library in real Chromium against the real browser-mode server: import two images (one
// larger than a request body, so it goes in staged parts), set a focal point by clicking, see the
// renditions re-cut, write alt text; all previews are data: URLs the CSP allows.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOrThrow, createClient } from '../../../src/api/client.ts';
import { inProcessTransport } from '../../../src/api/inProcess.ts';
import { photo, rotatedJpegWithGps } from '../../integration/media/images.ts';
import { AppPage } from '../pages/AppPage.ts';
import { StudioMediaPage } from '../pages/StudioMediaPage.ts';
import { openWatchedPage } from '../support/browser.ts';
import { startDemoServer, type DemoServer } from '../support/demoServer.ts';

let browser: Browser;
let server: DemoServer;
let page: Page;
let filesDir: string;
let consoleErrors: string[];

beforeAll(async () => {
  filesDir = mkdtempSync(join(tmpdir(), 'stoa-e2e-media-'));
  writeFileSync(join(filesDir, 'tote-on-table.jpg'), await rotatedJpegWithGps(1200, 800));
  // Noise does not compress: well over one 512 KB part, and over the server's 1 MB body cap.
  const noisy = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 50 } } })
    .composite([{ input: await photo(400, 250, 'png'), left: 0, top: 0 }])
    .png()
    .toBuffer();
  writeFileSync(join(filesDir, 'studio-wall.png'), noisy);
  server = await startDemoServer();
  ({ browser, page, consoleErrors } = await openWatchedPage({ width: 1400, height: 1000 }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(filesDir, { recursive: true, force: true });
});

describe('Studio media library in Chromium', () => {
  it('imports two images, sets a focal point by clicking, re-cuts the renditions and saves alt text', async () => {
    const app = new AppPage(page);
    await app.open(server.url);
    const media = new StudioMediaPage(page);
    await media.open();
    await media.importFiles([join(filesDir, 'tote-on-table.jpg'), join(filesDir, 'studio-wall.png')]);
    await expect.poll(() => media.importResults().allTextContents(), { timeout: 30_000 }).toEqual(['tote-on-table.jpg: imported', 'studio-wall.png: imported']);
    await expect.poll(() => media.libraryItems().count()).toBe(2);

    await media.select('tote-on-table.jpg');
    await expect.poll(() => media.editor.textContent()).toMatch(/JPEG 800×1200 · turned upright · location and camera metadata removed/);
    await expect.poll(() => media.renditionImages().count()).toBe(4);
    expect(await media.renditionCaptions().allTextContents()).toEqual(['Instagram 1:1 · 800×800', 'Instagram 4:5 · 800×1000', 'Instagram 1.91:1 · 800×419', 'Pinterest 2:3 · 800×1200']);

    const client = createClient(inProcessTransport(server.demo.backend.handlers, server.demo.backend.events));
    const { assets } = await callOrThrow(client, 'media.list', {});
    const tote = assets.find((a) => a.originalName === 'tote-on-table.jpg');
    const before = tote?.renditions.find((r) => r.target === 'instagram_square')?.sha256;

    await media.clickFocalPoint(0.5, 0.15);
    await expect.poll(() => media.status().textContent()).toMatch(/Focal point set at 50% across, 1[45]% down; renditions re-cut\./);
    await expect.poll(() => media.focalPointLabel().textContent()).toMatch(/Focal point: 50% across, 1[45]% down/);
    const after = await callOrThrow(client, 'media.get', { id: tote?.id ?? '' });
    expect(after.focalPoint.x).toBeCloseTo(0.5, 1);
    expect(after.focalPoint.y).toBeCloseTo(0.15, 1);
    expect(after.renditions.find((r) => r.target === 'instagram_square')?.sha256).not.toBe(before);
    await expect.poll(() => media.renditionImages().first().getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);

    await media.nudgeFocalPoint('ArrowRight');
    await expect.poll(() => media.focalPointLabel().textContent()).toMatch(/Focal point: 55% across, 1[45]% down/);
    expect((await callOrThrow(client, 'media.get', { id: tote?.id ?? '' })).focalPoint.x).toBeCloseTo(0.55, 2);

    await media.setAltText('A blue canvas tote on a sand-coloured table');
    await expect.poll(() => media.status().textContent()).toBe('Alt text saved.');
    expect((await callOrThrow(client, 'media.get', { id: tote?.id ?? '' })).altText).toBe('A blue canvas tote on a sand-coloured table');

    await media.select('studio-wall.png');
    await expect.poll(() => media.editor.textContent()).toMatch(/PNG 1600×1000/);

    // Asked to keep metadata, the same photo is a second asset: the exact file, EXIF and location included.
    await media.keepMetadata(true);
    await media.importFiles([join(filesDir, 'tote-on-table.jpg')]);
    await expect.poll(() => media.importResults().allTextContents()).toEqual(['tote-on-table.jpg: imported']);
    await expect.poll(() => media.libraryItems().count()).toBe(3);
    await expect.poll(() => media.editor.textContent()).toMatch(/JPEG 800×1200 · metadata kept/);
  });

  it('ran without console errors (CSP violations included)', () => {
    expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);
  });
});

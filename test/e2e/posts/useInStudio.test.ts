// From the community to the shop in real Chromium against the demo workspace: a queue item used in
// the studio opens the composer on a draft that credits its author; publishing is blocked with a
// "rights not granted" violation naming the author until the rights request is marked granted,
// then the violation clears and the post (with an image from the library) is valid. The rights
// steps are in the audit log.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOrThrow, createClient, type StoaClient } from '../../../src/api/client.ts';
import { inProcessTransport } from '../../../src/api/inProcess.ts';
import { photo } from '../../integration/media/images.ts';
import { AppPage } from '../pages/AppPage.ts';
import { openWatchedPage } from '../support/browser.ts';
import { startDemoServer, type DemoServer } from '../support/demoServer.ts';
import { StudioComposerPage } from './StudioComposerPage.ts';
import { UseInStudioDialog } from './UseInStudioDialog.ts';

let browser: Browser;
let server: DemoServer;
let page: Page;
let client: StoaClient;
let consoleErrors: string[];

beforeAll(async () => {
  server = await startDemoServer();
  client = createClient(inProcessTransport(server.demo.backend.handlers, server.demo.backend.events));
  await callOrThrow(client, 'media.import', { name: 'square.jpg', dataBase64: (await photo(1080, 1080)).toString('base64') });
  ({ browser, page, consoleErrors } = await openWatchedPage({ width: 1400, height: 1100 }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Use in Studio in Chromium', () => {
  it('drafts a credited post from a queue item, blocks publishing until the rights request is granted', async () => {
    const app = new AppPage(page);
    await app.open(server.url);
    await app.queue.waitForRows();
    await app.queue.openRow(0);
    await expect.poll(() => app.queue.selectedItem.textContent()).toMatch(/Raw payload/);
    const author = (await app.queue.selectedItem.getByRole('heading', { level: 2 }).textContent()) ?? '';
    expect(author).not.toBe('Unknown author');

    const studio = new UseInStudioDialog(page);
    await studio.useItem(app.queue.selectedItem);
    const composer = new StudioComposerPage(page);
    await expect.poll(() => composer.caption(), { timeout: 10_000 }).toContain(`📷 @${author} on `);
    await expect.poll(() => studio.rightsStatus().textContent()).toBe('Asked');

    const rules = () => composer.violations().evaluateAll((items) => items.map((li) => li.getAttribute('data-rule')));
    await expect.poll(rules, { timeout: 10_000 }).toContain('rights_not_granted');
    const rightsViolation = composer.violations().filter({ hasText: 'Rights not granted' });
    expect(await rightsViolation.textContent()).toContain(`@${author}`);
    expect(await rightsViolation.textContent()).toContain('asked');
    expect(await studio.publishButton().isDisabled()).toBe(true);
    // README screenshot, on request only (STOA_SCREENSHOT_DIR=resources/screenshots).
    if (process.env.STOA_SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.STOA_SCREENSHOT_DIR, 'studio-use-in-studio.png'), fullPage: true });

    // The message needs a brand before it can be sent; then it is recorded as sent by hand.
    expect(await studio.message().textContent()).toContain('{brand}');
    await studio.setBrand('Kestrel Linen');
    await expect.poll(() => studio.message().textContent()).toContain('May Kestrel Linen repost it');
    await studio.markSent();
    await expect.poll(() => studio.rights.textContent()).toMatch(/sent by hand/);

    await composer.addFromLibrary('square.jpg');
    await expect.poll(() => composer.status().textContent(), { timeout: 10_000 }).toMatch(/Saved revision \d+ \(draft\)\./);
    expect(await studio.publishButton().isDisabled()).toBe(true);

    await studio.answer('Granted');
    await expect.poll(() => studio.rightsStatus().textContent()).toBe('Granted');
    await expect.poll(rules, { timeout: 10_000 }).not.toContain('rights_not_granted');
    expect(await rules()).toEqual([]);

    // The queue's shortcuts do not reach the item underneath while the composer is open; Esc closes it.
    const itemState = await app.queue.selectedItem.locator('.state').first().textContent();
    await page.keyboard.press('r');
    await page.keyboard.press('Escape');
    await studio.dialog.waitFor({ state: 'detached' });
    expect(await app.queue.selectedItem.locator('.state').first().textContent()).toBe(itemState);
    // The draft is listed on the item and opens again, granted.
    await expect.poll(() => studio.earlierDrafts(app.queue.selectedItem).textContent()).toMatch(/rights granted/);
    await studio.reopenFirstDraft(app.queue.selectedItem);
    await expect.poll(() => studio.rightsStatus().textContent()).toBe('Granted');
    await expect.poll(() => composer.caption()).toContain(`📷 @${author} on `);

    const [request] = (await callOrThrow(client, 'rights.list', {})).requests;
    expect(request).toMatchObject({ author, status: 'granted', sentVia: 'manual' });
    const actions = server.demo.backend.context.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'rights.%' ORDER BY seq").pluck().all();
    expect(actions).toEqual(['rights.request', 'rights.edit', 'rights.send', 'rights.status']);
    const post = await callOrThrow(client, 'posts.get', { id: request?.postId ?? '' });
    expect(post.caption).toContain(`📷 @${author} on `);
    expect(post.media).toHaveLength(1);
    expect(consoleErrors).toEqual([]);
  });
});

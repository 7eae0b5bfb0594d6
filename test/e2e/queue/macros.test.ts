// Removal reasons, macros and bulk removal in real Chromium against the browser-mode server and a
// demo workspace synced from the simulators: reasons written in the editor, picked with `m`, a
// digit and Enter, sent with "Sync now", and found in the Reddit simulator's state (the removal
// reason, the message and the mod note); then every open item of one author removed in one bulk
// action with one reason, each answered in the bulk results and each reaching the simulator.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from '../pages/AppPage.ts';
import { QueuePage } from '../pages/QueuePage.ts';
import { QueueToolsPage } from '../pages/QueueToolsPage.ts';
import { openWatchedPage } from '../support/browser.ts';
import { startDemoServer, type DemoServer } from '../support/demoServer.ts';

let browser: Browser;
let server: DemoServer;
let page: Page;
let app: AppPage;
let queue: QueuePage;
let tools: QueueToolsPage;

interface RedditSimState {
  removalReasons: { itemId: string; reasonId: string | null; modNote: string }[];
  removalMessages: { itemId: string; message: string }[];
  modNotes: { user: string; note: string; redditId: string | null }[];
  writes: { target: string; action: string; applied: boolean }[];
}

const redditState = (): RedditSimState => server.demo.simulators.state().platforms['reddit'] as unknown as RedditSimState;
const db = () => server.served.backend.context.db;
/** The remote id of the item the latest decision with this reason was about. */
const decidedRemoteId = (reason: string): string | undefined =>
  db().prepare('SELECT i.remote_id FROM decisions d JOIN items i ON i.id = d.item_id WHERE d.reason = ? ORDER BY d.created_at DESC LIMIT 1').pluck().get(reason) as string | undefined;

beforeAll(async () => {
  server = await startDemoServer();
  ({ browser, page } = await openWatchedPage({ width: 1280, height: 900 }));
  app = new AppPage(page);
  queue = new QueuePage(page);
  tools = new QueueToolsPage(page);
  await app.open(server.url);
  await queue.rows().first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('removal reasons, macros and bulk in Chromium', () => {
  it('removes with a numbered reason and the reason reaches Reddit', async () => {
    await tools.addReason({ title: 'Self-promotion', rule: 'Rule 3: no self-promotion', reason: 'Removed: {rule}' });
    await tools.addReason({ title: 'Spam macro', rule: 'Rule 5: no spam', reason: 'Spam under {rule}', message: 'Hi {author}, your post in {community} was removed: {rule}.', note: 'spam macro used on {author}' });
    await tools.closeEditor();
    await queue.filterPlatform('reddit');
    await expect.poll(() => queue.rows().first().textContent()).toMatch(/reddit/);
    await queue.openFirst();
    await tools.removeWith(1);
    await expect.poll(() => tools.result.textContent()).toMatch(/Self-promotion: remove queued for the platform/);
    const remoteId = decidedRemoteId('Removed: Rule 3: no self-promotion');
    expect(remoteId).toBeDefined();
    await app.syncNow();
    await expect.poll(() => redditState().removalReasons.find((r) => r.itemId === remoteId)?.modNote).toBe('Removed: Rule 3: no self-promotion');
  });

  it('runs a macro: remove, message to the author and a mod note, in one step', async () => {
    // The queue moved to the next item after the removal.
    await queue.waitForItem();
    await tools.removeWith(2);
    await expect.poll(() => tools.result.textContent()).toMatch(/Spam macro: remove queued for the platform/);
    const remoteId = decidedRemoteId('Spam under Rule 5: no spam');
    expect(remoteId).toBeDefined();
    await app.syncNow();
    await expect.poll(() => redditState().removalMessages.find((m) => m.itemId === remoteId)?.message).toMatch(/^Hi .+, your post in .+ was removed: Rule 5: no spam\.$/);
    const note = redditState().modNotes.find((n) => n.redditId === remoteId);
    expect(note?.note).toBe(`spam macro used on ${note?.user ?? ''}`);
    expect(redditState().removalReasons.find((r) => r.itemId === remoteId)?.modNote).toBe('Spam under Rule 5: no spam');
  });

  it('bulk-removes everything open by one author with one reason, each reaching the simulator', async () => {
    const author = db()
      .prepare("SELECT a.name AS name, a.id AS id FROM items i JOIN authors a ON a.id = i.author_id WHERE i.platform = 'youtube' AND i.state = 'open' GROUP BY a.id HAVING COUNT(*) >= 2 ORDER BY COUNT(*) DESC, a.name LIMIT 1")
      .get() as { name: string; id: string } | undefined;
    if (!author) throw new Error('the demo workspace has no YouTube author with two open items');
    const theirs = db().prepare("SELECT remote_id AS remoteId, body FROM items WHERE author_id = ? AND state = 'open' ORDER BY created_at").all(author.id) as { remoteId: string; body: string }[];
    // Find one of their items by a phrase from its text, and open it.
    const words = (theirs[0]?.body.match(/\p{L}{3,}/gu) ?? []).slice(0, 3).join(' ');
    await queue.filterPlatform('youtube');
    await queue.searchBox.fill(words);
    const row = queue.rows().filter({ hasText: `${author.name} ·` }).first();
    await row.waitFor();
    await row.click();
    await queue.waitForItem();
    await tools.setBulkReason('Spam wave');
    await tools.removeAllByAuthor().click();
    await expect.poll(() => tools.bulkProgress.textContent()).toMatch(new RegExp(`${theirs.length} of ${theirs.length} done`));
    expect(await tools.bulkResults.count()).toBe(theirs.length);
    expect(await tools.bulkResults.filter({ hasText: ': queued' }).count()).toBe(theirs.length);
    await app.syncNow();
    // YouTube takes no removal reason: it is kept with each decision, and every removal reaches the simulator.
    const youtubeWrites = () => (server.demo.simulators.state().platforms['youtube']?.writes ?? []).filter((w) => w.applied && w.action.startsWith('setModerationStatus:rejected')).map((w) => w.target);
    await expect.poll(() => theirs.every((t) => youtubeWrites().includes(t.remoteId))).toBe(true);
    const reasons = db().prepare("SELECT DISTINCT d.reason FROM decisions d JOIN items i ON i.id = d.item_id WHERE i.author_id = ? AND d.action = 'remove'").pluck().all(author.id);
    expect(reasons).toEqual(['Spam wave']);
  });

  it('selects items with x and removes the selection, answering each one', async () => {
    await queue.searchBox.fill('');
    await queue.filterPlatform('reddit');
    await expect.poll(() => queue.rows().first().textContent()).toMatch(/reddit/);
    await queue.openFirst();
    await queue.press('x');
    await queue.press('j');
    await queue.press('x');
    await expect.poll(() => tools.bulkBar.textContent()).toMatch(/2 selected/);
    expect(await tools.bulkBar.getByRole('list', { name: 'Selected items' }).getByRole('listitem').count()).toBe(2);
    await tools.setBulkReason('Cleanup');
    await tools.removeSelected().click();
    await expect.poll(() => tools.bulkProgress.textContent()).toMatch(/2 of 2 done/);
    expect(await tools.bulkResults.count()).toBe(2);
    await expect.poll(() => tools.bulkBar.textContent()).toMatch(/0 selected/);
  });
});

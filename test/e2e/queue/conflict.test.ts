// A platform conflict in Chromium, against the real browser-mode server and a demo workspace
// synced from the simulators. Another moderator settles two Discourse review items on the
// platform (POST /__sim/discourse/external) while this desk still shows them open; the moderator
// removes both, syncs, and the item panel shows each as a conflict with what the platform shows
// now, "Keep mine" and "Take theirs". Keep mine sends the removal again, against the version the
// platform reported (a new write in GET /__sim/state); Take theirs sends nothing and the item
// takes the platform's state.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOrThrow, createClient, type StoaClient } from '../../../src/api/client.ts';
import { inProcessTransport } from '../../../src/api/inProcess.ts';
import { AppPage } from '../pages/AppPage.ts';
import { AuthorPanelPage } from '../pages/AuthorPanelPage.ts';
import { QueuePage } from '../pages/QueuePage.ts';
import { openWatchedPage } from '../support/browser.ts';
import { startDemoServer, type DemoServer } from '../support/demoServer.ts';

let browser: Browser;
let server: DemoServer;
let page: Page;
let consoleErrors: string[];
let client: StoaClient;
let app: AppPage;
let queue: QueuePage;
let context: AuthorPanelPage;

interface SimWrite {
  target: string;
  action: string;
  applied: boolean;
}

const discourseWrites = async (target: string): Promise<SimWrite[]> => {
  const state = (await (await fetch(`${server.demo.simulators.url}/__sim/state`)).json()) as { platforms: Record<string, { writes: SimWrite[] }> };
  return (state.platforms['discourse']?.writes ?? []).filter((w) => w.target === target);
};

/** Another moderator settles the review item on Discourse: a flag disagreed with, or a queued post approved. */
async function settleElsewhere(remoteId: string): Promise<void> {
  for (const action of ['disagree', 'approve_post']) {
    const reply = await fetch(`${server.demo.simulators.url}/__sim/discourse/external`, { method: 'POST', body: JSON.stringify({ target: remoteId, action }) });
    if (reply.ok) return;
  }
  throw new Error(`the Discourse simulator could not settle review item ${remoteId}`);
}

/** The outbox entry of the item's one decision, as the API reports it. */
async function entryOf(itemId: string) {
  const [row] = await callOrThrow(client, 'items.decisionStatus', { id: itemId });
  if (!row?.entry) throw new Error(`item ${itemId} has no outbox entry`);
  return { status: row.status, entry: row.entry, remoteState: (row.entry.remoteSnapshot as { state?: string } | null)?.state ?? null };
}

/** Opens the queue row at `index` (Platform = discourse, newest first) and checks it shows `body`. */
async function openRow(index: number, body: string): Promise<void> {
  await queue.rows().nth(index).click();
  await queue.waitForItem();
  await expect.poll(() => queue.item.textContent()).toContain(body);
}

/** Discourse allows 60 requests a minute and the demo's syncs use many: let the platform's minute pass. */
async function nextRateWindow(): Promise<void> {
  const reply = await fetch(`${server.demo.simulators.url}/__sim/clock`, { method: 'POST', body: JSON.stringify({ advance: '61s' }) });
  expect(reply.ok).toBe(true);
}

/** Syncs until the item's entry is settled (sent, failed or in conflict), through any rate-limit wait. */
async function settledState(itemId: string): Promise<string> {
  await expect
    .poll(
      async () => {
        const { state } = (await entryOf(itemId)).entry;
        if (state === 'pending' || state === 'sending') await callOrThrow(client, 'sync.run', {});
        return state;
      },
      { timeout: 100_000, interval: 1_000 },
    )
    .toMatch(/^(done|failed|conflict)$/);
  return (await entryOf(itemId)).entry.state;
}

beforeAll(async () => {
  server = await startDemoServer();
  client = createClient(inProcessTransport(server.demo.backend.handlers, server.demo.backend.events));
  ({ browser, page, consoleErrors } = await openWatchedPage({ width: 1280, height: 900 }));
  page.setDefaultTimeout(15_000);
  app = new AppPage(page);
  queue = new QueuePage(page);
  context = new AuthorPanelPage(page);
  await app.open(server.url);
  await queue.rows().first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a platform conflict in Chromium', () => {
  it('shows the conflict with Keep mine and Take theirs; Keep mine sends again, Take theirs sends nothing and takes the platform state', { timeout: 240_000 }, async () => {
    // The two newest Discourse items: the first two rows once the queue shows Discourse only.
    const [mine, theirs] = (await callOrThrow(client, 'items.list', { platform: 'discourse', sort: 'newest', limit: 2 })).items;
    if (!mine || !theirs) throw new Error('the demo has fewer than two Discourse items');
    expect([mine.state, theirs.state]).toEqual(['open', 'open']);
    const bodyOf = (body: string) => (body.split('\n')[0] ?? '').slice(0, 30);
    await settleElsewhere(mine.remoteId);
    await settleElsewhere(theirs.remoteId);

    await queue.filterPlatform('discourse');
    await openRow(0, bodyOf(mine.body));
    await queue.decisionButton('Remove').click();
    await queue.okNotice.waitFor();
    await openRow(1, bodyOf(theirs.body));
    await queue.decisionButton('Remove').click();
    await expect.poll(async () => (await callOrThrow(client, 'items.decisionStatus', { id: theirs.id })).length).toBe(1);

    await nextRateWindow();
    await app.syncNow();
    expect(await settledState(mine.id)).toBe('conflict');
    expect(await settledState(theirs.id)).toBe('conflict');
    // The platform refused the stale removal of each (its version had moved): nothing applied.
    expect((await discourseWrites(mine.remoteId)).some((w) => w.applied)).toBe(false);
    const theirsWrites = (await discourseWrites(theirs.remoteId)).length;
    expect(theirsWrites).toBeGreaterThanOrEqual(1);

    // The item panel shows the conflict, what the platform shows now, and the two choices.
    await openRow(0, bodyOf(mine.body));
    const remoteState = (await entryOf(mine.id)).remoteState;
    expect(remoteState).not.toBeNull();
    expect(remoteState).not.toBe('open');
    const mineLine = context.decisionStatus('remove: conflict');
    await mineLine.waitFor();
    expect(await mineLine.textContent()).toContain(`Platform shows: ${remoteState ?? ''}`);
    expect(await mineLine.getByRole('button', { name: 'Take theirs' }).count()).toBe(1);

    // Keep mine: queued again against the version the platform reported, and sent on the next sync.
    await mineLine.getByRole('button', { name: 'Keep mine' }).click();
    await context.decisionStatus('remove: queued').waitFor();
    await nextRateWindow();
    await app.syncNow();
    // Discourse offers no action on a review item someone else settled, so the resent removal
    // (a second write, at the version the platform reported) is refused and comes back to the
    // moderator as a conflict, now with the platform's reason.
    expect(await settledState(mine.id)).toBe('conflict');
    expect((await entryOf(mine.id)).status.reason).toBe('Discourse no longer offers this action for the item');
    const resent = await discourseWrites(mine.remoteId);
    expect(resent.length).toBeGreaterThanOrEqual(2);
    expect(resent.every((w) => w.action === resent[0]?.action && !w.applied)).toBe(true);
    await context.decisionStatus('remove: conflict').waitFor();

    // Take theirs on the second item: nothing is sent, and the item shows the platform's state.
    await openRow(1, bodyOf(theirs.body));
    const theirsState = (await entryOf(theirs.id)).remoteState ?? '';
    expect(theirsState).not.toBe('');
    await context.decisionStatus('remove: conflict').getByRole('button', { name: 'Take theirs' }).click();
    await context.decisionStatus('remove: platform kept').waitFor();
    await app.syncNow();
    // Whatever that sync sends has gone once a sync awaited here is over (it joins a running one).
    await callOrThrow(client, 'sync.run', {});
    const after = await discourseWrites(theirs.remoteId);
    expect(after).toHaveLength(theirsWrites);
    expect(after.some((w) => w.applied)).toBe(false);
    const local = theirsState === 'deleted' ? 'removed' : theirsState;
    await expect.poll(async () => (await callOrThrow(client, 'items.get', { id: theirs.id })).state).toBe(local);
    await expect.poll(() => queue.rowState(queue.rows().nth(1)).textContent()).toBe(local);
    expect(consoleErrors).toEqual([]);
  });
});

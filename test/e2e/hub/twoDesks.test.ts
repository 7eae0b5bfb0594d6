// Two desks, one team hub, in real Chromium: two browser-mode demo servers (two workspaces, each
// synced from its own simulators with the same seeded content, so the same (platform, remoteId)
// items exist in both) and one throwaway PostgreSQL cluster holding the hub. Each desk joins
// through Settings → Team hub with its member's join URL (a bad URL is refused with its sentence
// first). Desk A (Ana) opens an item: desk B (Bo) sees "Ana is looking" on the row and in the
// item panel, and the chip goes when Ana leaves the queue. A person note Ana writes shows in Bo's
// author panel after both sync with the hub.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHubPool, type HubPool } from '../../../src/hub/connect.ts';
import { addMember, createWorkspace } from '../../../src/hub/members.ts';
import { migrateHub } from '../../../src/hub/migrate.ts';
import { needsPostgres, startPostgres, type TestPostgres } from '../../support/postgres.ts';
import { AppPage } from '../pages/AppPage.ts';
import { AuthorPanelPage } from '../pages/AuthorPanelPage.ts';
import { HubPage } from '../pages/HubPage.ts';
import { QueuePage } from '../pages/QueuePage.ts';
import { openWatchedPage } from '../support/browser.ts';
import { startDemoServer, type DemoServer } from '../support/demoServer.ts';

interface Desk {
  readonly server: DemoServer;
  readonly browser: Browser;
  readonly page: Page;
  readonly consoleErrors: string[];
  readonly app: AppPage;
  readonly queue: QueuePage;
  readonly hub: HubPage;
  readonly author: AuthorPanelPage;
}

/** As `stoa hub add-member` prints it: the database URL with the member's token added. */
function joinUrlOf(databaseUrl: string, token: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('stoa_token', token);
  return url.toString();
}

async function openDesk(): Promise<Desk> {
  const server = await startDemoServer();
  const { browser, page, consoleErrors } = await openWatchedPage({ width: 1280, height: 900 });
  return { server, browser, page, consoleErrors, app: new AppPage(page), queue: new QueuePage(page), hub: new HubPage(page), author: new AuthorPanelPage(page) };
}

const db = (desk: Desk) => desk.server.demo.backend.context.db;
/** The text a queue row's meta line shows for the item: author · community · platform kind. */
const metaOf = (desk: Desk, platform: string, remoteId: string): string =>
  db(desk)
    .prepare("SELECT a.name || ' · ' || coalesce(c.name, i.platform) || ' · ' || i.platform || ' ' || i.kind FROM items i JOIN authors a ON a.id = i.author_id LEFT JOIN communities c ON c.id = i.community_id WHERE i.platform = ? AND i.remote_id = ?")
    .pluck()
    .get(platform, remoteId) as string;

describe.runIf(needsPostgres('two desks on one team hub (e2e)'))('two desks on one team hub in Chromium', () => {
  let cluster: TestPostgres;
  let pool: HubPool;
  let a: Desk;
  let b: Desk;
  let joinA: string;
  let joinB: string;

  beforeAll(async () => {
    cluster = await startPostgres();
    const databaseUrl = await cluster.createDatabase('stoa_hub_e2e');
    pool = await openHubPool(databaseUrl);
    await migrateHub(pool);
    const owner = await createWorkspace(pool, { workspace: 'Brand team', owner: 'Ana' });
    const bo = await addMember(pool, owner.token, { name: 'Bo', role: 'moderator' });
    if (!bo.ok) throw new Error(bo.error.message);
    joinA = joinUrlOf(databaseUrl, owner.token);
    joinB = joinUrlOf(databaseUrl, bo.value.token);
    a = await openDesk();
    b = await openDesk();
  });

  afterAll(async () => {
    for (const desk of [a, b]) {
      await desk?.browser.close();
      await desk?.server.close();
    }
    await pool?.end();
    await cluster?.stop();
  });

  it('joins each desk through Settings → Team hub (a bad URL is refused with its reason)', async () => {
    await a.app.open(a.server.url);
    await a.app.goTo('Settings');
    await a.hub.joinForm.waitFor();
    expect(await a.hub.section.textContent()).toContain('A single desk needs no hub');
    expect(await a.hub.joinUrlField.getAttribute('type')).toBe('password');
    await a.hub.join('https://hub.example.com/team');
    await expect.poll(() => a.hub.alert.textContent(), { timeout: 10_000 }).toMatch(/postgres:\/\//);
    // The refusal is the server's 400, which the browser logs; only that one is expected.
    expect(a.consoleErrors.splice(0)).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    await a.hub.join(joinA);
    await a.hub.joined.waitFor({ timeout: 30_000 });
    const facts = (await a.hub.joined.textContent()) ?? '';
    expect(facts).toContain('Brand team');
    expect(facts).toContain('Ana (owner)');
    // The address is shown without the token (the join URL is never given back).
    expect(facts).not.toContain('stoa_token');
    await expect.poll(() => a.hub.members()).toEqual(['Ana (you) | owner | active', 'Bo | moderator | active']);
    await a.hub.syncState.waitFor();

    await b.app.open(b.server.url);
    await b.app.goTo('Settings');
    await b.hub.join(joinB);
    await b.hub.joined.waitFor({ timeout: 30_000 });
    expect(await b.hub.joined.textContent()).toContain('Bo (moderator)');
  });

  it("shows desk B that Ana is looking at the item desk A opened, on the row and in the panel, until A leaves it", async () => {
    // An open Reddit item with an author that both desks have, made the newest Reddit item in both
    // so it is the first row of each desk's Reddit list.
    const candidates = db(a)
      .prepare("SELECT i.remote_id FROM items i WHERE i.platform = 'reddit' AND i.state = 'open' AND i.author_id IS NOT NULL ORDER BY i.created_at DESC LIMIT 50")
      .pluck()
      .all() as string[];
    const remoteId = candidates.find((id) => db(b).prepare("SELECT 1 FROM items WHERE platform = 'reddit' AND remote_id = ? AND state = 'open'").get(id) !== undefined);
    if (!remoteId) throw new Error('the two demo workspaces share no open Reddit item');
    const newest = new Date(Date.now() + 60_000).toISOString();
    for (const desk of [a, b]) db(desk).prepare("UPDATE items SET created_at = ? WHERE platform = 'reddit' AND remote_id = ?").run(newest, remoteId);
    const meta = metaOf(a, 'reddit', remoteId);
    expect(metaOf(b, 'reddit', remoteId)).toBe(meta);

    for (const desk of [b, a]) {
      await desk.queue.open();
      await desk.queue.filterPlatform('reddit');
      await expect.poll(() => desk.queue.rows().first().textContent(), { timeout: 10_000 }).toContain(meta);
    }
    await a.queue.openFirst();
    // Desk B's claims poll (or the hub's change event) brings Ana's claim to the row.
    await expect.poll(() => b.queue.rows().first().textContent(), { timeout: 30_000 }).toContain('Ana is looking');
    // Ana's own desk shows no chip for her own claim.
    expect(await a.queue.rows().first().textContent()).not.toContain('is looking');

    await b.queue.openFirst();
    await b.hub.itemClaim.waitFor({ timeout: 15_000 });
    expect(await b.hub.itemClaim.textContent()).toBe('Ana is looking');
    expect(await a.hub.itemClaim.count()).toBe(0);

    // Ana leaves the queue: her claim is released, and Bo's row says so.
    await a.app.goTo('Settings');
    await expect.poll(() => b.queue.rows().first().textContent(), { timeout: 30_000 }).not.toContain('is looking');
  });

  it('shows a person note written on desk A in desk B after both sync with the hub', async () => {
    const note = `Known reseller, warned in team chat ${Date.now()}`;
    await a.queue.open();
    await a.queue.openFirst();
    await a.author.open();
    await a.author.addPersonNote('Spam warning', note, 'Never');
    await expect.poll(() => a.author.personNotes().first().textContent(), { timeout: 10_000 }).toContain(note);

    await a.app.goTo('Settings');
    expect(await a.hub.syncNow()).toMatch(/^Pushed \d+, pulled \d+/);
    await b.app.goTo('Settings');
    expect(await b.hub.syncNow()).toMatch(/^Pushed \d+, pulled \d+/);

    await b.queue.open();
    await b.queue.openFirst();
    await b.author.open();
    await expect.poll(() => b.author.personNotes().allTextContents(), { timeout: 30_000 }).toContainEqual(expect.stringContaining(note));
    expect(await b.author.personNotes().filter({ hasText: note }).textContent()).toMatch(/^Spam warning /);
    expect([...a.consoleErrors, ...b.consoleErrors]).toEqual([]);
  });
});

// Scheduling in real Chromium against the real browser-mode server and the demo simulators: a post
// whose time passed while Stoa was closed is shown as missed and asked about, "Publish now" sends it
// and the permalink appears; another post is scheduled from the Posts tab and shown with its time,
// and is not published before it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOrThrow, createClient } from '../../../src/api/client.ts';
import { inProcessTransport } from '../../../src/api/inProcess.ts';
import { openDemoWorkspace, type DemoWorkspace } from '../../../src/backend/demoWorkspace.ts';
import { openBackend } from '../../../src/backend/openBackend.ts';
import { appRoot } from '../../../src/backend/paths.ts';
import { serveWorkspace, type ServedWorkspace } from '../../../src/server/main.ts';
import { photo } from '../../integration/media/images.ts';
import { AppPage } from '../pages/AppPage.ts';
import { openWatchedPage } from '../support/browser.ts';
import { StudioPostsPage } from './StudioPostsPage.ts';

const MISSED = 'Missed while Stoa was closed';
const LATER = 'Scheduled from the Posts tab';
let root: string;
let demo: DemoWorkspace;
let served: ServedWorkspace;
let browser: Browser;
let page: Page;
let consoleErrors: string[];

/** A local "YYYY-MM-DDTHH:MM" for the datetime-local field (the browser and this process share the zone). */
const localInput = (ms: number) => {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'stoa-e2e-schedule-'));
  const dataDir = join(root, 'demo');
  demo = await openDemoWorkspace(dataDir);
  const client = createClient(inProcessTransport(demo.backend.handlers, demo.backend.events));
  const { asset } = await callOrThrow(client, 'media.import', { name: 'look.jpg', dataBase64: (await photo(1080, 1350)).toString('base64') });
  const create = (caption: string) => callOrThrow(client, 'posts.create', { content: { targets: ['instagram'], caption, media: [{ assetId: asset.id }] } });
  const missed = await create(`${MISSED}, published when asked.`);
  await create(`${LATER}, not before its time.`);
  const at = Date.now() + 1_500;
  await callOrThrow(client, 'posts.schedule', { id: missed.post.id, at: new Date(at).toISOString() });
  // Stoa closes before the time and opens again after it: the simulators keep running meanwhile.
  await demo.backend.close();
  while (Date.now() <= at) await new Promise((resolve) => setTimeout(resolve, 100));
  served = await serveWorkspace({ dataDir, uiDir: join(appRoot(), 'out', 'renderer') }, openBackend({ dataDir, host: 'server' }));
  ({ browser, page, consoleErrors } = await openWatchedPage({ width: 1300, height: 1000 }));
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  await demo?.simulators.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('Scheduling in Chromium', () => {
  it('asks about a missed post and publishes it now, and schedules another for later', { timeout: 90_000 }, async () => {
    await new AppPage(page).open(served.server.url);
    const posts = new StudioPostsPage(page);
    await posts.open();

    await expect.poll(() => posts.state(MISSED).textContent(), { timeout: 10_000 }).toMatch(/^Missed its time \(/);
    expect(await posts.missedBanner().textContent()).toMatch(/One scheduled post missed its time/);
    const published = () => (demo.simulators.state().platforms['instagram']?.published ?? []) as { caption: string }[];
    expect(published().map((m) => m.caption)).toEqual([]);

    await posts.schedule(LATER, localInput(Date.now() + 2 * 3_600_000));
    await expect.poll(() => posts.state(LATER).textContent(), { timeout: 10_000 }).toMatch(/^Scheduled for /);
    expect(await posts.post(LATER).getByRole('button', { name: 'Unschedule' }).isVisible()).toBe(true);

    await posts.answerMissed(MISSED, 'Publish now');
    await expect.poll(() => posts.state(MISSED).textContent(), { timeout: 30_000 }).toMatch(/^Published: https:\/\/www\.instagram\.com\//);
    const permalink = await posts.permalink(MISSED).getAttribute('href');
    const media = published();
    expect(media.map((m) => m.caption)).toEqual([`${MISSED}, published when asked.`]);
    expect((demo.simulators.state().platforms['instagram']?.published as { permalink: string }[])[0]?.permalink).toBe(permalink);
    expect(await posts.state(LATER).textContent()).toMatch(/^Scheduled for /);
    expect(consoleErrors).toEqual([]);
  });
});

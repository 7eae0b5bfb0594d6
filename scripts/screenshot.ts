// Takes the README screenshots from the built UI on the demo workspace:
//   npm run build && npx tsx scripts/screenshot.ts [queue] [studio]   (both when none is named)
// The queue by keyboard alone (a titled Reddit post open with its evidence on the right words; then
// three decisions by key and the first one looked at again, "queued" in its outbox status), then the
// studio's whole path through the UI (test/e2e/posts/studioScenario.ts, the same steps the studio
// e2e takes): the composer with three product tags, a limit violation, the disclosure finding and
// the previews, and the post published with its permalink.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { AppPage } from '../test/e2e/pages/AppPage.ts';
import { QueuePage } from '../test/e2e/pages/QueuePage.ts';
import { StudioComposerPage } from '../test/e2e/posts/StudioComposerPage.ts';
import { composeTaggedCarousel, importCatalogAndPhotos, writePhotos } from '../test/e2e/posts/studioScenario.ts';
import { launchChromium } from '../test/e2e/support/browser.ts';
import { startDemoServer } from '../test/e2e/support/demoServer.ts';

const out = join(import.meta.dirname, '../resources/screenshots');
const wanted = process.argv.slice(2);
const wants = (name: string): boolean => wanted.length === 0 || wanted.includes(name);
const hashtags = (n: number) => Array.from({ length: n }, (_, i) => `#look${i}`).join(' ');

/** The app scrolls inside its main pane, so a tall page is shown whole by a tall window, not by fullPage. */
async function shoot(page: Page, name: string, height = 860): Promise<void> {
  await page.setViewportSize({ width: 1440, height });
  await page.screenshot({ path: join(out, name) });
  console.warn(`wrote ${join(out, name)}`);
}

/** The queue, driven by keys only once the filters are set: j opens, a/r/s decide, k goes back. */
async function queueShots(page: Page): Promise<void> {
  const queue = new QueuePage(page);
  const order = page.getByLabel('Order');
  await queue.rows().first().waitFor();
  // Comments under Instagram posts, spam score first: the scam templates and the spans behind each score.
  await queue.filterPlatform('instagram');
  await order.selectOption('score:spam');
  await queue.rows().first().filter({ hasText: 'instagram' }).waitFor();
  // Esc leaves the Order select for the list; from here on only keys.
  await queue.press('Escape');
  await queue.press('j');
  await queue.press('j');
  while ((await queue.selectedRowIndex()) !== 2) await page.waitForTimeout(50);
  await queue.waitForItem();
  await queue.item.locator('mark').first().waitFor();
  await shoot(page, 'queue.png');

  // Titled Reddit posts, spam first: three decisions by key, then back to the first one.
  await queue.filterPlatform('reddit');
  await order.selectOption('score:spam');
  await queue.rows().first().filter({ hasText: 'reddit post' }).waitFor();
  await queue.press('Escape');
  await queue.press('j');
  await queue.waitForItem();
  const first = await queue.selectedRowIndex();
  for (const key of ['a', 'r', 's']) {
    const before = await queue.selectedRowIndex();
    await queue.press(key);
    await queue.okNotice.waitFor();
    while ((await queue.selectedRowIndex()) !== before + 1) await page.waitForTimeout(50);
  }
  for (let i = 0; i < 3; i += 1) await queue.press('k');
  while ((await queue.selectedRowIndex()) !== first) await page.waitForTimeout(50);
  await queue.waitForItem();
  await queue.item.getByRole('list', { name: 'Outbox status' }).waitFor();
  // Tall enough for the item's outbox status below its scores.
  await shoot(page, 'queue-triage.png', 1250);
}

async function studio(page: Page, app: AppPage): Promise<void> {
  const photos = await writePhotos();
  try {
    await importCatalogAndPhotos(page, photos);
    const composer = new StudioComposerPage(page);
    await composeTaggedCarousel(composer);
    await composer.typeCaption(`Weekend uniform, linen all the way, coffee in the speckled mug. ${hashtags(31)}`);
    await composer.violations().first().waitFor({ timeout: 10_000 });
    await composer.findings().first().waitFor({ timeout: 10_000 });
    await composer.selectImage(0);
    await composer.tags().filter({ hasText: 'Ceramic Mug' }).waitFor();
    await shoot(page, 'studio-compose-tags.png', 2150);

    await composer.typeCaption(`Weekend uniform, linen all the way, coffee in the speckled mug. ${hashtags(5)}`);
    await composer.violations().first().waitFor({ state: 'detached', timeout: 10_000 });
    await composer.applyFix('Add #ad at the start');
    await composer.ready().filter({ hasText: /^Ready/ }).waitFor({ timeout: 10_000 });
    await composer.status().filter({ hasText: /\(valid\)/ }).waitFor({ timeout: 10_000 });
    await composer.publish();
    await composer.postState().filter({ hasText: /^Publishing/ }).waitFor({ timeout: 10_000 });
    await app.syncNow();
    await composer.permalink().waitFor({ timeout: 30_000 });
    await shoot(page, 'studio-published.png', 1500);
  } finally {
    if (photos[0]) rmSync(dirname(photos[0]), { recursive: true, force: true });
  }
}

const server = await startDemoServer();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, deviceScaleFactor: 1 });
  const app = new AppPage(page);
  await app.open(server.url);
  if (wants('queue')) await queueShots(page);
  if (wants('studio')) await studio(page, app);
} finally {
  await browser.close();
  await server.close();
}

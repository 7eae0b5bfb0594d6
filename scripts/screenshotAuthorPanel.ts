// Takes the README screenshot of the author panel from the built UI on the demo workspace:
//   npm run build && npx tsx scripts/screenshotAuthorPanel.ts
// Opens an item by the demo's most prolific author, adds labelled person notes, and shoots the item with its thread parent, outbox status and the open author panel.
import { join } from 'node:path';
import { AppPage } from '../test/e2e/pages/AppPage.ts';
import { AuthorPanelPage } from '../test/e2e/pages/AuthorPanelPage.ts';
import { QueuePage } from '../test/e2e/pages/QueuePage.ts';
import { launchChromium } from '../test/e2e/support/browser.ts';
import { startDemoServer } from '../test/e2e/support/demoServer.ts';

const out = join(import.meta.dirname, '../resources/screenshots/author-panel.png');
const server = await startDemoServer();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1400 }, deviceScaleFactor: 1 });
  const app = new AppPage(page);
  const queue = new QueuePage(page);
  const author = new AuthorPanelPage(page);
  await app.open(server.url);
  await queue.rows().first().waitFor();
  // The person with the most items in the demo, found by a phrase from their newest item.
  const db = server.demo.backend.context.db;
  const top = db
    .prepare(
      `SELECT a.id, a.platform, a.name, COUNT(*) AS n FROM items i JOIN authors a ON a.id = i.author_id
       GROUP BY a.id ORDER BY n DESC, a.name LIMIT 1`,
    )
    .get() as { id: string; platform: 'reddit' | 'youtube' | 'discourse' | 'instagram'; name: string; n: number };
  const newest = db.prepare('SELECT body FROM items WHERE author_id = ? ORDER BY created_at DESC LIMIT 1').pluck().get(top.id) as string;
  const phrase = (newest.match(/[\p{L}]+/gu) ?? []).slice(0, 5).join(' ');
  await queue.filterPlatform(top.platform);
  await queue.searchBox.fill(`"${phrase}"`);
  await queue.rows().first().waitFor();
  await queue.openFirst();
  console.warn(`${top.name} on ${top.platform}: ${top.n} items; opened ${(await queue.item.getByRole('heading', { level: 2 }).textContent()) ?? ''}`);
  await queue.decisionButton('Approve').click();
  await queue.press('k');
  await queue.waitForItem();
  await author.open();
  await author.addPersonNote('Spam warning', 'Warned about posting channel links in every thread', 'In 30 days');
  await author.personNotes().first().waitFor();
  await author.addPersonNote('Solid contributor', 'Answers other viewers’ questions', 'Never');
  await page.getByRole('heading', { name: 'Their items' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: out });
  console.warn(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}

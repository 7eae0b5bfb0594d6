// Takes the README screenshots from the built UI on the demo workspace:
//   npm run build && npx tsx scripts/screenshot.ts
import { join } from 'node:path';
import { AppPage } from '../test/e2e/pages/AppPage.ts';
import { launchChromium } from '../test/e2e/support/browser.ts';
import { startDemoServer } from '../test/e2e/support/demoServer.ts';

const out = join(import.meta.dirname, '../resources/screenshots');
const server = await startDemoServer();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, deviceScaleFactor: 1 });
  const app = new AppPage(page);
  await app.open(server.url);
  await app.queue.waitForRows();
  await page.getByLabel('Order').selectOption('score:undisclosed_sponsorship');
  await page.waitForTimeout(600);
  await app.queue.openRow(2);
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(out, 'queue.png') });
  console.log(`wrote ${join(out, 'queue.png')}`);
} finally {
  await browser.close();
  await server.close();
}

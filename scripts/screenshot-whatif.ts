// Takes the README screenshot of the what-if tester on the demo workspace, after a few decisions
// made through the API (the tester needs decided items to measure against):
//   npm run build && npx tsx scripts/screenshot-whatif.ts
import { join } from 'node:path';
import { callOrThrow, createClient } from '../src/api/client.ts';
import { inProcessTransport } from '../src/api/inProcess.ts';
import { AppPage } from '../test/e2e/pages/AppPage.ts';
import { launchChromium } from '../test/e2e/support/browser.ts';
import { startDemoServer } from '../test/e2e/support/demoServer.ts';
import { WhatIfPageObject } from '../test/e2e/whatif/WhatIfPageObject.ts';

const server = await startDemoServer();
const browser = await launchChromium();
try {
  const client = createClient(inProcessTransport(server.demo.backend.handlers, server.demo.backend.events));
  const ranked = (await callOrThrow(client, 'items.list', { platform: 'reddit', sort: 'score:spam', limit: 500 })).items;
  const decide = async (ids: readonly { id: string }[], action: 'remove' | 'approve' | 'spam') => {
    for (const { id } of ids) await callOrThrow(client, 'queue.decide', { itemId: id, action });
  };
  await decide(ranked.slice(0, 12), 'remove');
  await decide(ranked.slice(12, 18), 'approve');
  await decide(ranked.slice(40, 44), 'spam');
  await decide(ranked.slice(44, 70), 'approve');
  const page = await browser.newPage({ viewport: { width: 1440, height: 1100 }, deviceScaleFactor: 1 });
  const app = new AppPage(page);
  await app.open(server.url);
  await app.queue.waitForRows();
  const whatIf = new WhatIfPageObject(page);
  await whatIf.open();
  await whatIf.choose('spam', 0.6);
  const file = join(import.meta.dirname, '../resources/screenshots/whatif.png');
  await page.screenshot({ path: file });
  console.warn(`wrote ${file}`);
} finally {
  await browser.close();
  await server.close();
}

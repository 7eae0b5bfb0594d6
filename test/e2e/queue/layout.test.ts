// The queue at a 1280×800 laptop screen (#9: "readable at 1280 px: the content column gets the
// room"), in real Chromium against the served demo workspace: nothing scrolls sideways, the content
// column is the widest, the item pane sits beside the table, and a cut-off header or cell keeps its
// whole text in a title tooltip.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from '../pages/AppPage.ts';
import { QueuePage } from '../pages/QueuePage.ts';
import { openWatchedPage } from '../support/browser.ts';
import { startDemoServer, type DemoServer } from '../support/demoServer.ts';

interface Box {
  scrollWidth: number;
  clientWidth: number;
  getAttribute(name: string): string | null;
}

/** Runs in the page: how many CSS pixels `el`'s content is wider than its box (0 when it fits). */
const overflowX = (el: unknown): number => (el as Box).scrollWidth - (el as Box).clientWidth;

interface Node extends Box {
  querySelectorAll(selector: string): Iterable<Node>;
  closest(selector: string): Node | null;
  querySelector(selector: string): Node | null;
}

/** Runs in the page: how many parts of the cell `el` are cut off, and how many of those have no tooltip (on them or around them). */
const cutParts = (el: unknown): { cut: number; untitled: number } => {
  const cell = el as Node;
  let cut = 0;
  let untitled = 0;
  for (const part of [cell, ...cell.querySelectorAll('*')]) {
    if (part.scrollWidth <= part.clientWidth) continue;
    cut += 1;
    if (!part.closest('[title]') && !part.querySelector('[title]')) untitled += 1;
  }
  return { cut, untitled };
};

let browser: Browser;
let server: DemoServer;
let page: Page;
let consoleErrors: string[];
let queue: QueuePage;

beforeAll(async () => {
  server = await startDemoServer();
  ({ browser, page, consoleErrors } = await openWatchedPage({ width: 1280, height: 800 }));
  queue = new QueuePage(page);
  await new AppPage(page).open(server.url);
  await queue.rows().first().waitFor();
  await queue.openFirst();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function widthOf(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not on screen');
  return box.width;
}

describe('the queue at 1280×800', () => {
  it('scrolls nowhere sideways: not the page, the table, its header or its rows', async () => {
    expect(await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { documentElement: Box } }).document.documentElement;
      return doc.scrollWidth - doc.clientWidth;
    })).toBe(0);
    expect(await queue.grid.evaluate(overflowX)).toBe(0);
    const groups = queue.grid.getByRole('rowgroup');
    expect(await groups.count()).toBe(2);
    for (let i = 0; i < 2; i += 1) expect(await groups.nth(i).evaluate(overflowX)).toBe(0);
    const grid = await queue.grid.boundingBox();
    const rows = queue.grid.getByRole('row');
    expect(await rows.count()).toBeGreaterThan(5);
    for (let i = 0; i < (await rows.count()); i += 1) {
      const row = await rows.nth(i).boundingBox();
      if (!row || !grid) throw new Error('the queue is not on screen');
      expect(row.x + row.width).toBeLessThanOrEqual(grid.x + grid.width + 0.5);
    }
  });

  it('gives the content column the most room, with the item pane beside the table', async () => {
    const headers = queue.grid.getByRole('columnheader');
    const names = await headers.allTextContents();
    expect(names).toContain('Content');
    const widths = await Promise.all(names.map((_, i) => widthOf(headers.nth(i))));
    const content = widths[names.indexOf('Content')] ?? 0;
    for (const [i, width] of widths.entries()) if (names[i] !== 'Content') expect(content).toBeGreaterThan(width);
    // More than the other columns together would be a squeeze at 1280; a third of the table is not.
    expect(content).toBeGreaterThan(widths.reduce((a, b) => a + b, 0) / 3);
    const [grid, pane] = await Promise.all([queue.grid.boundingBox(), queue.item.boundingBox()]);
    if (!grid || !pane) throw new Error('the queue or the item pane is not on screen');
    expect(pane.x).toBeGreaterThanOrEqual(grid.x + grid.width);
    expect(pane.x + pane.width).toBeLessThanOrEqual(1280 + 0.5);
  });

  it('keeps the whole text of whatever it cuts off in a title tooltip', async () => {
    const cells = [queue.grid.getByRole('columnheader'), queue.rows().first().getByRole('gridcell')];
    let cutCount = 0;
    for (const group of cells) {
      for (let i = 0; i < (await group.count()); i += 1) {
        const { cut, untitled } = await group.nth(i).evaluate(cutParts);
        cutCount += cut;
        expect(untitled, `cell ${i} (${await group.nth(i).textContent()}) is cut off without a tooltip`).toBe(0);
      }
    }
    // The demo's texts are longer than the content column: at least that one is cut and titled.
    expect(cutCount).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
  });
});

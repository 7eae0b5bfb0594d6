// Page objects: tests say what a person does ("search for", "open the first item"), in roles and
// labels, never CSS selectors.
import type { Locator, Page } from 'playwright-core';

export class QueuePageObject {
  constructor(private readonly page: Page) {}

  get grid(): Locator {
    return this.page.getByRole('grid', { name: 'Queue' });
  }

  dataRows(): Locator {
    return this.grid.getByRole('rowgroup').nth(1).getByRole('row');
  }

  async waitForRows(): Promise<number> {
    await this.dataRows().first().waitFor();
    return this.dataRows().count();
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search items' }).fill(text);
  }

  async openRow(index: number): Promise<void> {
    await this.dataRows().nth(index).click();
  }

  /** Opens the first of the listed rows (up to `limit`) whose item has this title; false when none has. */
  async openItemTitled(title: string, limit = 10): Promise<boolean> {
    await this.dataRows().first().waitFor();
    const count = Math.min(limit, await this.dataRows().count());
    for (let index = 0; index < count; index += 1) {
      await this.openRow(index);
      const heading = this.selectedItem.getByRole('heading', { level: 3 }).first();
      await this.selectedItem.getByText('Raw payload').first().waitFor();
      if ((await heading.count()) > 0 && (await heading.textContent()) === title) return true;
    }
    return false;
  }

  /** Presses a triage shortcut (a, r, s, i, b) as a moderator would. */
  async pressKey(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  rowState(index: number): Locator {
    return this.dataRows().nth(index).getByRole('gridcell').first();
  }

  get notice(): Locator {
    return this.page.getByRole('status').filter({ hasText: /recorded/ });
  }

  get selectedItem(): Locator {
    return this.page.getByRole('complementary', { name: 'Item', exact: true });
  }

  itemCountLabel(): Locator {
    return this.page.getByText(/\d[\d,]* items$/).first();
  }
}

export class AppPage {
  readonly queue: QueuePageObject;

  constructor(readonly page: Page) {
    this.queue = new QueuePageObject(page);
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async goTo(section: 'Queue' | 'Studio' | 'Audit' | 'Settings'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: section }).click();
  }

  statusBar(): Locator {
    return this.page.getByRole('contentinfo');
  }

  async syncNow(): Promise<void> {
    await this.statusBar().getByRole('button', { name: 'Sync now' }).click();
  }

  outboxLabel(): Locator {
    return this.statusBar().getByLabel('Outbox');
  }
}

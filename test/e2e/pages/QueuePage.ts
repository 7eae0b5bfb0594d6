// Page object for the queue as a keyboard-first moderator uses it: keys, the verdict buttons by
// their accessible names, the ban form, the shortcut sheet, filters and notices. Roles and labels
// only, never CSS selectors.
import type { Locator, Page } from 'playwright-core';

/** Runs in the page: whether `el` has focus (typed without the DOM library, like the node side). */
export const focused = (el: unknown): boolean => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement;

export type PlatformFilter = 'reddit' | 'discourse' | 'youtube' | 'instagram' | '';

export class QueuePage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Queue' }).click();
    await this.grid.waitFor();
  }

  get grid(): Locator {
    return this.page.getByRole('grid', { name: 'Queue' });
  }

  get item(): Locator {
    return this.page.getByRole('complementary', { name: 'Item', exact: true });
  }

  rows(): Locator {
    return this.grid.getByRole('rowgroup').nth(1).getByRole('row');
  }

  selectedRow(): Locator {
    return this.grid.getByRole('row', { selected: true });
  }

  /** The record of the selected item, once loaded (its raw payload is the last section). */
  async waitForItem(): Promise<void> {
    await this.item.getByText('Raw payload').first().waitFor();
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  decisionButton(name: 'Approve' | 'Remove' | 'Spam' | 'Ignore reports' | 'Ban' | 'Undo'): Locator {
    return this.item.getByRole('toolbar', { name: 'Decide' }).getByRole('button', { name, exact: true });
  }

  async decisionButtonNames(): Promise<string[]> {
    const buttons = this.item.getByRole('toolbar', { name: 'Decide' }).getByRole('button');
    const names: string[] = [];
    for (let i = 0; i < (await buttons.count()); i += 1) names.push((await buttons.nth(i).getAttribute('aria-label')) ?? '');
    return names;
  }

  get banForm(): Locator {
    return this.item.getByRole('form', { name: 'Ban author' });
  }

  get shortcutSheet(): Locator {
    return this.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  }

  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search items' });
  }

  get platformFilter(): Locator {
    return this.page.getByRole('search').getByLabel('Platform');
  }

  async filterPlatform(platform: PlatformFilter): Promise<void> {
    await this.platformFilter.selectOption(platform);
  }

  /** The queue's error notice (an alert named "Problem"), if one is up. */
  get errorNotice(): Locator {
    return this.page.getByRole('alert', { name: 'Problem' });
  }

  /** The queue's confirmation notice ("remove: recorded…", "Undone: …"). */
  get okNotice(): Locator {
    return this.page.getByRole('status', { name: 'Done' });
  }

  rowState(row: Locator): Locator {
    return row.getByRole('gridcell').first();
  }

  /** The selected row's position in the list (aria-rowindex). */
  async selectedRowIndex(): Promise<number> {
    return Number(await this.selectedRow().getAttribute('aria-rowindex'));
  }

  /** The row at a list position (aria-rowindex), whether or not it is selected. */
  rowAt(index: number): Locator {
    return this.grid.locator(`[aria-rowindex="${index}"]`);
  }

  /** Whether keyboard focus sits on the queue list itself. */
  async listHasFocus(): Promise<boolean> {
    return this.grid.evaluate(focused);
  }

  /** Opens the first row of the current list and waits for its record. */
  async openFirst(): Promise<void> {
    await this.rows().first().click();
    await this.waitForItem();
  }
}

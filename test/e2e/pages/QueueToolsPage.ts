// Page object for removal reasons, macros and bulk actions in the queue: the reasons editor, the
// numbered picker and the bulk bar, by roles and labels only.
import type { Locator, Page } from 'playwright-core';

export interface ReasonFields {
  readonly title: string;
  readonly rule?: string;
  readonly reason: string;
  readonly message?: string;
  readonly note?: string;
}

export class QueueToolsPage {
  constructor(private readonly page: Page) {}

  get editor(): Locator {
    return this.page.getByRole('dialog', { name: 'Removal reasons' });
  }

  get picker(): Locator {
    return this.page.getByRole('dialog', { name: 'Remove with reason' });
  }

  get bulkBar(): Locator {
    return this.page.getByRole('region', { name: 'Bulk actions' });
  }

  /** The result line of the last reason or macro applied to one item. */
  get result(): Locator {
    return this.page.getByRole('status', { name: 'Reason result' });
  }

  get bulkProgress(): Locator {
    return this.bulkBar.getByRole('status', { name: 'Bulk progress' });
  }

  get bulkResults(): Locator {
    return this.bulkBar.getByRole('list', { name: 'Bulk results' }).getByRole('listitem');
  }

  async addReason(fields: ReasonFields): Promise<void> {
    if ((await this.editor.count()) === 0) await this.page.getByRole('button', { name: 'Removal reasons', exact: true }).click();
    const form = this.editor.getByRole('form', { name: 'New removal reason' });
    await form.getByLabel('Title').fill(fields.title);
    if (fields.rule) await form.getByLabel('Rule').fill(fields.rule);
    await form.getByLabel('Reason', { exact: true }).fill(fields.reason);
    if (fields.message) await form.getByLabel('Message to the author (optional)').fill(fields.message);
    if (fields.note) await form.getByLabel('Private note (optional)').fill(fields.note);
    await form.getByRole('button', { name: 'Add reason' }).click();
    await this.editor.getByRole('listitem').filter({ hasText: fields.title }).waitFor();
  }

  async closeEditor(): Promise<void> {
    await this.editor.getByRole('button', { name: /^Close/ }).click();
  }

  /** `m`, the digit, Enter: the keyboard path a moderator takes. */
  async removeWith(digit: number): Promise<void> {
    await this.page.keyboard.press('m');
    await this.picker.waitFor();
    await this.page.keyboard.press(String(digit));
    await this.picker.getByRole('button', { pressed: true }).waitFor();
    await this.page.keyboard.press('Enter');
    await this.picker.waitFor({ state: 'detached' });
  }

  async setBulkReason(reason: string): Promise<void> {
    await this.bulkBar.getByLabel('Reason for all').fill(reason);
  }

  removeAllByAuthor(): Locator {
    return this.bulkBar.getByRole('button', { name: /^Remove all by / });
  }

  removeSelected(): Locator {
    return this.bulkBar.getByRole('button', { name: 'Remove selected', exact: true });
  }
}

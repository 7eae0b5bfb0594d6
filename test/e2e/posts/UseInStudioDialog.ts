// Page object for "Use in Studio" from the queue: the button on the selected item, the composer
// dialog it opens on the new draft, and the rights panel inside it, in roles and labels.
import type { Locator, Page } from 'playwright-core';

export class UseInStudioDialog {
  constructor(private readonly page: Page) {}

  /** `itemPanel`: the queue's panel of the selected item (AppPage's queue.selectedItem). */
  async useItem(itemPanel: Locator): Promise<void> {
    await itemPanel.getByRole('button', { name: 'Use in Studio' }).click();
    await this.dialog.waitFor();
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Studio composer' });
  }

  get rights(): Locator {
    return this.dialog.getByRole('region', { name: 'Rights request' });
  }

  rightsStatus(): Locator {
    return this.rights.getByLabel('Rights status');
  }

  message(): Locator {
    return this.rights.getByLabel('Message to the author');
  }

  async setBrand(brand: string): Promise<void> {
    await this.rights.getByRole('textbox', { name: 'Brand', exact: true }).fill(brand);
    await this.rights.getByRole('button', { name: 'Save message' }).click();
  }

  async markSent(): Promise<void> {
    await this.rights.getByRole('button', { name: 'Mark as sent' }).click();
  }

  async answer(status: 'Granted' | 'Refused'): Promise<void> {
    await this.rights.getByRole('button', { name: status, exact: true }).click();
  }

  /** The drafts made from the item before, listed under the button with their rights status. */
  earlierDrafts(itemPanel: Locator): Locator {
    return itemPanel.getByRole('list', { name: 'Drafts from this item' }).getByRole('listitem');
  }

  async reopenFirstDraft(itemPanel: Locator): Promise<void> {
    await this.earlierDrafts(itemPanel).first().getByRole('button', { name: /^Open draft of/ }).click();
    await this.dialog.waitFor();
  }

  publishButton(): Locator {
    return this.dialog.getByRole('region', { name: 'Publishing' }).getByRole('button', { name: /^Publish/ });
  }
}

// Page object for the item's context: the author panel with person notes and the author's items,
// the per-decision outbox status ("On the platform") and the offline banner. Roles and labels only.
import type { Locator, Page } from 'playwright-core';

export class AuthorPanelPage {
  constructor(private readonly page: Page) {}

  private get item(): Locator {
    return this.page.getByRole('complementary', { name: 'Item', exact: true });
  }

  get panel(): Locator {
    return this.item.getByRole('region', { name: 'Author' });
  }

  async open(): Promise<void> {
    await this.item.getByRole('button', { name: 'Author panel' }).click();
    await this.panel.waitFor();
  }

  authorItems(): Locator {
    return this.panel.getByRole('list', { name: "Author's items" }).getByRole('listitem');
  }

  personNotes(): Locator {
    return this.panel.getByRole('list', { name: 'Person notes' }).getByRole('listitem');
  }

  async addPersonNote(label: string, body: string, expires: string): Promise<void> {
    const form = this.panel.getByRole('form', { name: 'Add a person note' });
    await form.getByLabel('Label').selectOption({ label });
    await form.getByLabel('Expires').selectOption({ label: expires });
    await form.getByLabel('Person note').fill(body);
    await form.getByRole('button', { name: 'Add person note' }).click();
  }

  /** Finds the account by exact name on `platform` and links it as the same person. */
  async linkAccount(platform: string, name: string): Promise<void> {
    const form = this.panel.getByRole('form', { name: 'Link another account' });
    await form.getByLabel('Platform of the other account').selectOption(platform);
    await form.getByLabel('Account name').fill(name);
    await form.getByRole('button', { name: 'Find' }).click();
    await form.getByRole('list', { name: 'Accounts found' }).getByRole('button', { name: 'Link as same person' }).first().click();
  }

  /** The accounts linked to this person by a moderator ("ana on youtube"). */
  linkedAccounts(): Locator {
    return this.panel.getByRole('list', { name: 'Linked accounts' }).getByRole('listitem');
  }

  /** Undoes the link to `name` on `platform`. */
  async unlinkAccount(platform: string, name: string): Promise<void> {
    await this.panel.getByRole('button', { name: `Unlink ${name} on ${platform}`, exact: true }).click();
  }

  /** One decision's line in "On the platform", by its action and status ("remove: queued"). */
  decisionStatus(name: string | RegExp): Locator {
    return this.item.getByRole('list', { name: 'Outbox status' }).getByRole('listitem', { name });
  }

  get offlineBanner(): Locator {
    return this.page.getByRole('status', { name: 'Outbox waiting' });
  }
}

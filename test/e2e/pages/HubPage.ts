// Page object for the team hub: Settings → Team hub (join, the joined hub's facts, members and
// sync, "Sync with hub now") and the queue's team signals (a row's "Ana is looking" chip, the item
// panel's claim and decision lines). Roles and labels only, never CSS selectors.
import type { Locator, Page } from 'playwright-core';

export class HubPage {
  constructor(private readonly page: Page) {}

  get section(): Locator {
    return this.page.getByRole('region', { name: 'Team hub' });
  }

  get joinForm(): Locator {
    return this.section.getByRole('form', { name: 'Join a team hub' });
  }

  get joinUrlField(): Locator {
    return this.joinForm.getByLabel('Join URL');
  }

  async join(url: string): Promise<void> {
    await this.joinUrlField.fill(url);
    await this.joinForm.getByRole('button', { name: 'Join hub' }).click();
  }

  get alert(): Locator {
    return this.section.getByRole('alert');
  }

  /** Hub, workspace, you and your role, joined at. */
  get joined(): Locator {
    return this.section.getByLabel('Joined hub');
  }

  /** The members table's rows as "name | role | access". */
  async members(): Promise<string[]> {
    const rows = this.section.getByRole('table', { name: 'Hub members' }).getByRole('row');
    const lines: string[] = [];
    for (let i = 1; i < (await rows.count()); i += 1) {
      lines.push((await rows.nth(i).getByRole('cell').allTextContents()).join(' | '));
    }
    return lines;
  }

  get syncState(): Locator {
    return this.section.getByLabel('Hub sync');
  }

  /** Clicks "Sync with hub now" and waits for its result line. */
  async syncNow(): Promise<string> {
    await this.section.getByRole('button', { name: 'Sync with hub now' }).click();
    const result = this.section.getByRole('status', { name: 'Hub sync result' });
    await result.waitFor();
    return (await result.textContent()) ?? '';
  }

  async leave(): Promise<void> {
    await this.section.getByRole('button', { name: 'Leave hub' }).click();
    await this.section.getByRole('group', { name: 'Confirm leaving the hub' }).getByRole('button', { name: 'Leave' }).click();
  }

  /** The item panel's "Ana is looking". */
  get itemClaim(): Locator {
    return this.page.getByRole('complementary', { name: 'Item', exact: true }).getByRole('status', { name: 'Team hub claim' });
  }

  /** The item panel's "Decided by Ana 2 min ago (remove)". */
  get itemDecidedBy(): Locator {
    return this.page.getByRole('complementary', { name: 'Item', exact: true }).getByRole('status', { name: 'Team hub decision' });
  }
}

// Page object for the audit log view: filters by label, the entries table, paging and export.
import type { Download, Locator, Page } from 'playwright-core';

export class AuditLogPageObject {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Activity log', exact: true }).click();
    await this.page.getByRole('heading', { name: 'Audit log' }).waitFor();
  }

  get chain(): Locator {
    return this.page.getByRole('status', { name: 'Chain verification' });
  }

  get matching(): Locator {
    return this.page.getByLabel('Matching entries');
  }

  private get filters(): Locator {
    return this.page.getByRole('search', { name: 'Audit log filters' });
  }

  async filterBy(name: 'Moderator' | 'Action' | 'Community', value: string): Promise<void> {
    await this.filters.getByLabel(name).selectOption(value);
  }

  async search(text: string): Promise<void> {
    await this.filters.getByRole('searchbox', { name: 'Search the log' }).fill(text);
  }

  rows(): Locator {
    return this.page.getByRole('table', { name: 'Audit entries' }).getByRole('rowgroup').nth(1).getByRole('row');
  }

  /** The text of one column (0-based) for every listed row. */
  async column(index: number): Promise<string[]> {
    return this.rows().evaluateAll((rows, i) => rows.map((r) => r.children[i]?.textContent ?? ''), index);
  }

  async loadMore(): Promise<void> {
    await this.page.getByRole('button', { name: 'Load more' }).click();
  }

  async exportCsv(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.filters.getByRole('button', { name: 'Export CSV' }).click();
    return download;
  }
}

// Page object for the studio's product catalog: what a creator does (import a file, search, read
// the import report and the product cards), in roles and labels.
import type { Locator, Page } from 'playwright-core';

export class StudioCatalogPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Studio' }).click();
    await this.page.getByRole('tablist', { name: 'Studio' }).getByRole('tab', { name: 'Catalog' }).click();
  }

  async importFile(path: string): Promise<void> {
    await this.page.getByLabel('Import catalog').setInputFiles(path);
  }

  /** Shopify CSVs carry no currency: the creator says which one the shop uses. */
  async setShopifyCurrency(code: string): Promise<void> {
    await this.page.getByLabel('Shopify currency').fill(code);
  }

  get report(): Locator {
    return this.page.getByRole('region', { name: 'Import report' });
  }

  reportSummary(): Locator {
    return this.report.getByRole('status');
  }

  skippedRows(): Locator {
    return this.report.getByRole('list', { name: 'Rows not imported' }).getByRole('listitem');
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search catalog' }).fill(text);
  }

  products(): Locator {
    return this.page.getByRole('list', { name: 'Catalog products' }).getByRole('article');
  }

  product(title: string): Locator {
    return this.page.getByRole('list', { name: 'Catalog products' }).getByRole('article', { name: title });
  }
}

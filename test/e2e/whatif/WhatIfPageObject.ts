// Page object for the what-if tester: choose a score and a threshold, read what it shows.
import type { Locator, Page } from 'playwright-core';

export class WhatIfPageObject {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'What-if', exact: true }).click();
    await this.page.getByRole('heading', { name: 'What-if tester' }).waitFor();
  }

  async choose(model: string, threshold: number): Promise<void> {
    await this.page.getByRole('combobox', { name: /^Score/ }).selectOption(model);
    await this.page.getByRole('spinbutton', { name: 'Threshold' }).fill(String(threshold));
    await this.shown('Flagged').waitFor();
  }

  shown(name: 'Flagged' | 'Precision' | 'Recall' | 'Decided'): Locator {
    return this.page.getByRole('status', { name, exact: true });
  }

  communityRows(): Locator {
    return this.page.getByRole('table', { name: 'Per community' }).getByRole('row');
  }

  async saveSuggestion(kind: 'hold' | 'flag'): Promise<void> {
    await this.page.getByRole('combobox', { name: /^Suggest/ }).selectOption(kind);
    await this.page.getByRole('button', { name: 'Save as suggestion' }).click();
    await this.page.getByRole('status').filter({ hasText: 'Saved:' }).waitFor();
  }
}

// Settings → Publishing: the media host form and its status line.
import type { Locator, Page } from 'playwright-core';

export class MediaHostSettingsPage {
  constructor(readonly page: Page) {}

  form(): Locator {
    return this.page.getByRole('form', { name: 'Media host' });
  }

  status(): Locator {
    return this.page.getByLabel('Media host status');
  }

  alert(): Locator {
    return this.page.locator('section[aria-labelledby="publishing-heading"]').getByRole('alert');
  }

  async save(input: { uploadUrl: string; publicBase: string; token?: string }): Promise<void> {
    const form = this.form();
    await form.getByLabel('Upload URL').fill(input.uploadUrl);
    await form.getByLabel('Public base URL').fill(input.publicBase);
    if (input.token !== undefined) await form.getByLabel('Token (optional)').fill(input.token);
    await form.getByRole('button', { name: 'Save media host' }).click();
  }
}

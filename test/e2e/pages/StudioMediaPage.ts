// Page object for the studio's media library: what a creator does (import files, pick an image,
// click where the subject is, write alt text), in roles and labels.
import type { Locator, Page } from 'playwright-core';

export class StudioMediaPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Studio' }).click();
    await this.page.getByRole('tablist', { name: 'Studio' }).getByRole('tab', { name: 'Media' }).click();
  }

  async importFiles(paths: string[]): Promise<void> {
    await this.page.getByLabel('Import images').setInputFiles(paths);
  }

  async keepMetadata(on: boolean): Promise<void> {
    await this.page.getByLabel(/Keep location and camera metadata/).setChecked(on);
  }

  importResults(): Locator {
    return this.page.getByRole('list', { name: 'Import results' }).getByRole('listitem');
  }

  libraryItems(): Locator {
    return this.page.getByRole('list', { name: 'Media library' }).getByRole('button');
  }

  async select(name: string): Promise<void> {
    await this.page.getByRole('list', { name: 'Media library' }).getByRole('button', { name }).click();
  }

  get editor(): Locator {
    return this.page.getByRole('region', { name: 'Selected image' });
  }

  /** Clicks the image at (x, y), each from 0 to 1 of its width and height. */
  async clickFocalPoint(x: number, y: number): Promise<void> {
    const image = this.editor.getByRole('button', { name: 'Set focal point' });
    await image.locator('img').waitFor();
    const box = await image.boundingBox();
    if (!box) throw new Error('The focal-point image is not visible.');
    await image.click({ position: { x: box.width * x, y: box.height * y } });
  }

  /** Moves the focal point with the keyboard, as someone who cannot point would. */
  async nudgeFocalPoint(key: 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown'): Promise<void> {
    await this.editor.getByRole('button', { name: 'Set focal point' }).focus();
    await this.page.keyboard.press(key);
  }

  focalPointLabel(): Locator {
    return this.editor.getByLabel('Focal point', { exact: true });
  }

  status(): Locator {
    return this.editor.getByRole('status');
  }

  renditionImages(): Locator {
    return this.editor.getByRole('list', { name: 'Renditions' }).getByRole('img');
  }

  renditionCaptions(): Locator {
    return this.editor.getByRole('list', { name: 'Renditions' }).locator('figcaption');
  }

  async deleteSelected(): Promise<void> {
    await this.editor.getByRole('button', { name: 'Delete image' }).click();
  }

  async setAltText(text: string): Promise<void> {
    const form = this.editor.getByRole('form', { name: 'Alt text' });
    await form.getByLabel(/Alt text/).fill(text);
    await form.getByRole('button', { name: 'Save alt text' }).click();
  }
}

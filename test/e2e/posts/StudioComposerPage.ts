// Page object for the studio composer: what a creator does (add images, type a caption, apply a
// fix, click where a product is and pick it from the catalog), in roles and labels.
import type { Locator, Page } from 'playwright-core';

export class StudioComposerPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Studio' }).click();
    await this.page.getByRole('tablist', { name: 'Studio' }).getByRole('tab', { name: 'Compose' }).click();
  }

  async addFromLibrary(originalName: string): Promise<void> {
    await this.page.getByRole('button', { name: `Add ${originalName}` }).click();
  }

  selectedImages(): Locator {
    return this.page.getByRole('region', { name: 'Post images' }).locator('ol.composer-selected > li');
  }

  /** Chooses which image of the carousel the tagging view shows (0-based). */
  async selectImage(index: number): Promise<void> {
    const item = this.selectedImages().nth(index);
    await item.getByRole('button').first().click();
    await item.locator('button[aria-pressed="true"]').waitFor();
  }

  /** The Studio page's line per target: which connected account publishes there. */
  publishingAccounts(): Locator {
    return this.page.getByRole('list', { name: 'Publishing accounts' }).getByRole('listitem');
  }

  permalink(): Locator {
    return this.postState().getByRole('link');
  }

  async setCrop(imageNumber: number, label: string): Promise<void> {
    await this.page.getByLabel(`Crop of image ${imageNumber}`).selectOption({ label });
  }

  previews(): Locator {
    return this.page.getByRole('region', { name: 'Previews' }).locator('figure');
  }

  /** The tag dots drawn on a target's preview. */
  previewTags(target: string): Locator {
    return this.page.getByRole('region', { name: 'Previews' }).locator(`figure[data-target="${target}"] .tag-marker`);
  }

  async typeCaption(text: string): Promise<void> {
    await this.page.getByLabel('Caption', { exact: true }).fill(text);
  }

  caption(): Promise<string> {
    return this.page.getByLabel('Caption', { exact: true }).inputValue();
  }

  counter(target: string, which: 'characters' | 'hashtags' | 'mentions'): Locator {
    return this.page.locator(`.composer-counters li[data-target="${target}"] [data-counter="${which}"]`);
  }

  violations(): Locator {
    return this.page.getByRole('list', { name: 'Limit violations' }).getByRole('listitem');
  }

  findings(): Locator {
    return this.page.getByRole('list', { name: 'Disclosure findings' }).getByRole('listitem');
  }

  ready(): Locator {
    return this.page.getByTestId('composer-ok');
  }

  async applyFix(label: string): Promise<void> {
    await this.findings().first().getByRole('button', { name: label }).click();
  }

  /** Clicks the selected image at (x, y), each from 0 to 1 of its width and height. */
  async clickImage(x: number, y: number): Promise<void> {
    const image = this.page.getByTestId('composer-tag-image');
    await image.locator('img').waitFor();
    const box = await image.boundingBox();
    if (!box) throw new Error('The image to tag is not visible.');
    await image.click({ position: { x: box.width * x, y: box.height * y } });
  }

  /** Drags the first placed tag to (x, y) of the image. */
  async dragFirstTag(x: number, y: number): Promise<void> {
    const image = this.page.getByTestId('composer-tag-image');
    const marker = image.locator('.tag-marker.placed').first();
    const [from, box] = await Promise.all([marker.boundingBox(), image.boundingBox()]);
    if (!from || !box) throw new Error('The tag or the image is not visible.');
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width * x, box.y + box.height * y, { steps: 8 });
    await this.page.mouse.up();
  }

  async pickProduct(query: string, title: RegExp): Promise<void> {
    await this.page.getByLabel('Search the catalog').fill(query);
    await this.page.locator('.composer-catalog-picker').getByRole('button', { name: title }).click();
  }

  tags(): Locator {
    return this.page.getByRole('list', { name: 'Product tags' }).getByRole('listitem');
  }

  status(): Locator {
    return this.page.locator('.composer-save [role="status"]');
  }

  async publish(): Promise<void> {
    await this.page.getByRole('region', { name: 'Publishing' }).getByRole('button', { name: /^Publish/ }).click();
  }

  postState(): Locator {
    return this.page.getByRole('status', { name: 'Post state' });
  }

  /** Turns a publishing target (instagram, pinterest) on or off. */
  async setTarget(target: string, on: boolean): Promise<void> {
    await this.page.getByRole('group', { name: 'Targets' }).getByRole('checkbox', { name: target }).setChecked(on);
  }

  pinFields(): Locator {
    return this.page.getByRole('group', { name: 'Pinterest pin' });
  }

  /** Picks a board of the connected Pinterest account by its name, once the boards have been read. */
  async chooseBoard(name: string): Promise<void> {
    const select = this.pinFields().getByLabel('Pinterest board');
    await select.locator('option', { hasText: name }).waitFor({ state: 'attached' });
    await select.selectOption({ label: name });
  }

  /** The id of the board named `name` in the board picker. */
  async boardId(name: string): Promise<string> {
    const value = await this.pinFields().getByLabel('Pinterest board').locator('option', { hasText: name }).getAttribute('value');
    if (!value) throw new Error(`The board picker has no board ${name}.`);
    return value;
  }

  async typePinTitle(text: string): Promise<void> {
    await this.pinFields().getByLabel('Pin title').fill(text);
  }

  async typePinLink(text: string): Promise<void> {
    await this.pinFields().getByLabel('Pin link').fill(text);
  }

  /** The sentence under the link field saying where the pin links (and whether it is the product's link). */
  pinLinkSource(): Locator {
    return this.pinFields().getByTestId('pin-link-source');
  }

  pinCounter(which: 'title' | 'link' | 'description'): Locator {
    return this.pinFields().locator(`[data-counter="${which}"]`);
  }

  pinPreview(): Locator {
    return this.page.getByRole('figure', { name: 'Pinterest pin preview' });
  }

  /** How many violations the checks count for a target ('0' when it has none). */
  async violationCount(target: string): Promise<string> {
    const counted = this.page.getByLabel('Violations per target').locator(`[data-target="${target}"]`);
    return (await counted.count()) === 0 ? '0' : ((await counted.getAttribute('data-count')) ?? '0');
  }
}

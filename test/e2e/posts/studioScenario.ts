// The creator's whole studio job, step by step through the UI only: a Shopify export imported on
// the Catalog tab, two photos on the Media tab (through the file inputs, as a person picks files),
// a carousel of both with three product tags placed by clicking and chosen by searching the
// catalog. Shared by the studio e2e and the README screenshots (scripts/screenshot.ts, outside
// vitest), so both show the same path; each step waits for what the page must show and throws when
// it does not appear.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { photo } from '../../integration/media/images.ts';
import { StudioCatalogPage } from '../pages/StudioCatalogPage.ts';
import { StudioMediaPage } from '../pages/StudioMediaPage.ts';
import type { StudioComposerPage } from './StudioComposerPage.ts';

export const SHOPIFY_EXPORT = join(import.meta.dirname, '../../fixtures/catalog/shopify-export.csv');

/** Where each of the three tags is clicked: image index (0-based), x and y of that image, product searched and picked. */
export const TAG_CLICKS = [
  { mediaIndex: 0, x: 0.3, y: 0.35, query: 'Linen', title: /^Linen Shirt/ },
  { mediaIndex: 0, x: 0.7, y: 0.75, query: 'mug', title: /^Ceramic Mug/ },
  { mediaIndex: 1, x: 0.55, y: 0.45, query: 'LS-S', title: /^Linen Shirt/ },
] as const;

export const PHOTO_NAMES = ['shirt-on-chair.jpg', 'mug-on-table.jpg'] as const;

/** Two real JPEG files in a fresh folder: a 4:5 portrait and a square, both sizes Instagram takes as they are. */
export async function writePhotos(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'stoa-studio-photos-'));
  const [portrait, square] = await Promise.all([photo(1080, 1350), photo(1080, 1080)]);
  const paths = PHOTO_NAMES.map((name) => join(dir, name));
  writeFileSync(paths[0] as string, portrait);
  writeFileSync(paths[1] as string, square);
  return paths;
}

export async function importCatalogAndPhotos(page: Page, photoPaths: readonly string[]): Promise<void> {
  const catalog = new StudioCatalogPage(page);
  await catalog.open();
  await catalog.setShopifyCurrency('EUR');
  await catalog.importFile(SHOPIFY_EXPORT);
  await catalog.reportSummary().filter({ hasText: /^shopify-export\.csv: 3 imported, 0 updated, 0 rows with errors$/ }).waitFor({ timeout: 30_000 });
  await catalog.products().nth(2).waitFor();

  const media = new StudioMediaPage(page);
  await media.open();
  await media.importFiles([...photoPaths]);
  for (const name of PHOTO_NAMES) await media.importResults().filter({ hasText: new RegExp(`^${name.replace('.', '\\.')}: imported$`) }).waitFor({ timeout: 30_000 });
  await media.libraryItems().nth(1).waitFor();
}

/** On the Compose tab: both photos as a carousel, then the three tags clicked in and picked. */
export async function composeTaggedCarousel(composer: StudioComposerPage): Promise<void> {
  await composer.open();
  for (const name of PHOTO_NAMES) await composer.addFromLibrary(name);
  await composer.selectedImages().nth(1).waitFor();
  for (const [i, tag] of TAG_CLICKS.entries()) {
    await composer.selectImage(tag.mediaIndex);
    await composer.clickImage(tag.x, tag.y);
    await composer.pickProduct(tag.query, tag.title);
    const onThisImage = TAG_CLICKS.slice(0, i + 1).filter((t) => t.mediaIndex === tag.mediaIndex).length;
    await composer.tags().nth(onThisImage - 1).waitFor();
  }
}

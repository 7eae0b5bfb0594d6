// Changing an image's crop in the composer: its tags were placed on the image as it looked before
// (the old crop, or the whole original), so they are moved to stay on the same point of the
// original (core/tagRemap.ts). Tags the new crop leaves out are put on its edge and remembered
// here by identity, so the tagging view can flag them until the creator drags or removes them (a
// dragged tag is a new object, so the flag goes with the move).
import { cropWindow, remapTags, sameWindow } from '../../../core/tagRemap.ts';
import type { RenditionTarget } from '../../../core/renditionTargets.ts';
import type { Content } from './composerDraft.ts';

type Tag = Content['productTags'][number];

export interface AssetShape {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  readonly focalPoint: { readonly x: number; readonly y: number };
}

const outsideCrop = new WeakSet<Tag>();

/** True for a tag that a crop change left outside the image as sent. */
export const isOutsideCrop = (tag: Tag): boolean => outsideCrop.has(tag);

/** The content change for image `index` getting `value` ("" = the original shape) as its crop. */
export function withCrop(content: Content, index: number, value: string, assets: readonly AssetShape[]): Pick<Content, 'media' | 'productTags'> {
  const crop = value === '' ? null : (value as RenditionTarget);
  const media = content.media.map((m, j) => (j === index ? { ...m, crop } : m));
  const current = content.media[index];
  const asset = current ? assets.find((a) => a.id === current.assetId) : undefined;
  if (!current || !asset) return { media, productTags: content.productTags };
  const from = cropWindow(asset.width, asset.height, (current.crop as RenditionTarget | null) ?? null, asset.focalPoint);
  const to = cropWindow(asset.width, asset.height, crop, asset.focalPoint);
  if (sameWindow(from, to)) return { media, productTags: content.productTags };
  const { tags, outside } = remapTags(content.productTags, index, from, to);
  for (const i of outside) {
    const tag = tags[i];
    if (tag) outsideCrop.add(tag);
  }
  return { media, productTags: tags };
}

// Product tags are placed on the image as it is sent (the chosen crop, cut around the focal point),
// and x, y are fractions of that image. When the crop or the focal point changes, the same x, y
// would land on another part of the original; this keeps each tag on the same point of the
// original instead, and says which ones fall outside the new crop (those are put on its nearest
// edge, so nothing is lost, and the caller flags them for the creator to move or remove).
import { planCrop, RENDITION_SPECS, type FocalPoint, type RenditionTarget } from './renditionTargets.ts';

/** The part of the (upright) original an image shows, each side a fraction of the original. */
export interface ImageWindow {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export const WHOLE_IMAGE: ImageWindow = { left: 0, top: 0, width: 1, height: 1 };

/** The window a crop shows of a `width`×`height` original around `focal` (the whole image when no crop). */
export function cropWindow(width: number, height: number, crop: RenditionTarget | null, focal: FocalPoint): ImageWindow {
  if (crop === null) return WHOLE_IMAGE;
  const plan = planCrop(width, height, RENDITION_SPECS[crop], focal);
  return { left: plan.left / plan.scaledWidth, top: plan.top / plan.scaledHeight, width: plan.width / plan.scaledWidth, height: plan.height / plan.scaledHeight };
}

export interface RemappedPoint {
  readonly x: number;
  readonly y: number;
  /** False when the point is not in the new window (x, y are then on its nearest edge). */
  readonly inside: boolean;
}

const round = (n: number): number => Math.round(n * 1000) / 1000;
const clamp01 = (n: number): number => Math.min(1, Math.max(0, n));
/** A tag clicked on the very edge stays inside despite float noise. */
const EDGE = 1e-6;

export function remapPoint(point: { readonly x: number; readonly y: number }, from: ImageWindow, to: ImageWindow): RemappedPoint {
  const x = (from.left + point.x * from.width - to.left) / to.width;
  const y = (from.top + point.y * from.height - to.top) / to.height;
  const inside = x >= -EDGE && x <= 1 + EDGE && y >= -EDGE && y <= 1 + EDGE;
  return { x: round(clamp01(x)), y: round(clamp01(y)), inside };
}

export interface TagOnImage {
  readonly mediaIndex: number;
  readonly x: number;
  readonly y: number;
}

/** Moves the tags of image `mediaIndex` from one window to another; returns the new list and the positions (in it) of the tags that fell outside. */
export function remapTags<T extends TagOnImage>(tags: readonly T[], mediaIndex: number, from: ImageWindow, to: ImageWindow): { tags: T[]; outside: number[] } {
  const outside: number[] = [];
  const moved = tags.map((tag, i) => {
    if (tag.mediaIndex !== mediaIndex) return tag;
    const point = remapPoint(tag, from, to);
    if (!point.inside) outside.push(i);
    return { ...tag, x: point.x, y: point.y };
  });
  return { tags: moved, outside };
}

export const sameWindow = (a: ImageWindow, b: ImageWindow): boolean => a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height;

// The image shapes each publishing target wants (PLATFORMS.md §4.3, RULES.md: Instagram feed 1:1,
// 4:5 and 1.91:1 at 1080 px wide; Pinterest 2:3 at 1000×1500), and the pure crop rule that cuts a
// rendition around the focal point a creator set. Shared by the media pipeline and the UI.

export const RENDITION_TARGETS = ['instagram_square', 'instagram_portrait', 'instagram_landscape', 'pinterest_pin'] as const;
export type RenditionTarget = (typeof RENDITION_TARGETS)[number];

export interface RenditionSpec {
  readonly target: RenditionTarget;
  readonly label: string;
  /** Written as the platforms write it, e.g. "4:5". */
  readonly ratio: string;
  readonly width: number;
  readonly height: number;
}

export const RENDITION_SPECS: Readonly<Record<RenditionTarget, RenditionSpec>> = {
  instagram_square: { target: 'instagram_square', label: 'Instagram 1:1', ratio: '1:1', width: 1080, height: 1080 },
  instagram_portrait: { target: 'instagram_portrait', label: 'Instagram 4:5', ratio: '4:5', width: 1080, height: 1350 },
  instagram_landscape: { target: 'instagram_landscape', label: 'Instagram 1.91:1', ratio: '1.91:1', width: 1080, height: 566 },
  pinterest_pin: { target: 'pinterest_pin', label: 'Pinterest 2:3', ratio: '2:3', width: 1000, height: 1500 },
};

/** A point on the image, each coordinate from 0 (left/top) to 1 (right/bottom). */
export interface FocalPoint {
  readonly x: number;
  readonly y: number;
}

export const CENTRE: FocalPoint = { x: 0.5, y: 0.5 };

export interface CropPlan {
  /** The whole (upright) image is first scaled to this size… */
  readonly scaledWidth: number;
  readonly scaledHeight: number;
  /** …and this rectangle of the scaled image is the rendition. */
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The largest window of the target's ratio that fits the image, centred on the focal point as far
 * as the edges allow, scaled to the target size. Never enlarges: a small image gives a smaller
 * rendition of the right ratio. Scaling before cropping lets JPEG decoding shrink on load.
 */
export function planCrop(imageWidth: number, imageHeight: number, spec: Pick<RenditionSpec, 'width' | 'height'>, focal: FocalPoint): CropPlan {
  const ratio = spec.width / spec.height;
  const cropWidth = imageWidth / imageHeight > ratio ? imageHeight * ratio : imageWidth;
  const scale = Math.min(1, spec.width / cropWidth);
  const scaledWidth = Math.max(1, Math.round(imageWidth * scale));
  const scaledHeight = Math.max(1, Math.round(imageHeight * scale));
  const width = Math.max(1, Math.min(scaledWidth, Math.round(cropWidth * scale)));
  const height = Math.max(1, Math.min(scaledHeight, Math.round(width / ratio)));
  const left = clamp(Math.round(focal.x * scaledWidth - width / 2), 0, scaledWidth - width);
  const top = clamp(Math.round(focal.y * scaledHeight - height / 2), 0, scaledHeight - height);
  return { scaledWidth, scaledHeight, left, top, width, height };
}

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

// How big an image Stoa accepts. Platforms publish far less (Instagram ≤ 8 MB JPEG at ≤ 1440 px
// wide, Pinterest ≤ 20 MB), so the caps only have to admit what cameras make: 50-megapixel phone
// sensors (and 100-megapixel medium format) pass; anything larger is refused before it is decoded.
// A 100-megapixel RGBA decode is 400 MB, which the 24 GiB, 2-core machines handle one at a time.

import { MEDIA_MAX_IMPORT_BYTES } from '../core/mediaLimits.ts';

/** Bytes of one imported file. Largest camera JPEGs at 100 MP are ~40 MB; PNG screenshots far less. */
export const MAX_IMPORT_BYTES = MEDIA_MAX_IMPORT_BYTES;

/** Pixels (width × height) of one image, checked from the header and again by libvips on decode. */
export const MAX_IMPORT_PIXELS = 100_000_000;

/** Longest side of the thumbnail the library grid and the focal-point editor show. */
export const THUMBNAIL_SIZE = 480;

/** Quality for re-encoding the stored (oriented, location-free) copy: visually lossless. */
export const MASTER_QUALITY = 95;

/** Quality for renditions sent to platforms (sRGB JPEG). */
export const RENDITION_QUALITY = 88;

export const formatMegabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const formatMegapixels = (pixels: number): string => `${(pixels / 1_000_000).toLocaleString('en-US', { maximumFractionDigits: 1 })} megapixels`;

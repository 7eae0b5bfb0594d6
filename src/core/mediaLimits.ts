// Caps on imported media that both the API contract and the media pipeline enforce. Why these
// numbers is written beside the pipeline's checks in src/media/limits.ts.
import type { LimitRule, PostTarget } from './postLimits.ts';

/** Bytes of one imported file. */
export const MEDIA_MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** One staged upload part, decoded: keeps each browser-mode request under the server's 1 MB body cap. */
export const MEDIA_UPLOAD_PART_BYTES = 512 * 1024;

/** Base64 characters for `bytes` bytes. */
export const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;

/**
 * The narrowest image each target takes, as a limit rule with its source (RULES.md: Instagram
 * images are 320–1440 px wide; wider ones are scaled down by Instagram, narrower ones are refused
 * or blown up). Checked on the image as it will be sent: a rendition of a small original is
 * smaller than the target size, since renditions never enlarge.
 */
export const IMAGE_MIN_WIDTH: Readonly<Partial<Record<PostTarget, LimitRule<number>>>> = {
  instagram: {
    id: 'instagram.image.min_width',
    value: 320,
    says: 'Images are at least 320 px wide (320–1440 px).',
    source: { document: '../shared/RULES.md', section: 'Platform limits for publishing › Instagram (Graph API, Business accounts)' },
  },
};

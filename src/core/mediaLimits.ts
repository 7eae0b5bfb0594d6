// Caps on imported media that both the API contract and the media pipeline enforce. Why these
// numbers is written beside the pipeline's checks in src/media/limits.ts.

/** Bytes of one imported file. */
export const MEDIA_MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** One staged upload part, decoded: keeps each browser-mode request under the server's 1 MB body cap. */
export const MEDIA_UPLOAD_PART_BYTES = 512 * 1024;

/** Base64 characters for `bytes` bytes. */
export const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;

// The media room's surface: import, renditions, staged uploads, and the caps they enforce.
export { importImage, removeCreated, thumbnail, type ImportedImage, type ImportOptions, type ImportResult } from './importImage.ts';
export { evidenceThumbnail, EVIDENCE_THUMBNAIL_SIZE } from './evidenceThumbnail.ts';
export { rasterizeSvgToJpeg } from './rasterizeSvg.ts';
export { encodeRendition, renderAllRenditions, renderRendition, type RenderedRendition, type UprightSource } from './renditions.ts';
export { appendUploadPart, takeUpload, UnknownUploadError } from './uploads.ts';
export { MediaRefusedError, type RefusalReason } from './refusal.ts';
export { MAX_IMPORT_BYTES, MAX_IMPORT_PIXELS, THUMBNAIL_SIZE } from './limits.ts';
export type { ImageFormat } from './formats.ts';

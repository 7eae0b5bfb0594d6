// The small JPEG a compliance snapshot keeps of a post's media: upright, at most 240 px on its
// longest side, no metadata (sharp drops EXIF, GPS and ICC unless asked to keep them). JPEG, not
// WebP like the library's thumbnails, because the PDF report (pdfkit) embeds JPEG and PNG only.
// Input is checked by the same caps as an import before libvips decodes it.
import sharp from 'sharp';
import { inspectImage, SAFE_INPUT } from './inspect.ts';

export const EVIDENCE_THUMBNAIL_SIZE = 240;
export const EVIDENCE_THUMBNAIL_QUALITY = 72;

/** `name` is how a refusal names the image (its URL or file). */
export async function evidenceThumbnail(input: Buffer, name: string): Promise<Buffer> {
  await inspectImage(input, name);
  return sharp(input, SAFE_INPUT)
    .autoOrient()
    .resize(EVIDENCE_THUMBNAIL_SIZE, EVIDENCE_THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: EVIDENCE_THUMBNAIL_QUALITY, mozjpeg: false })
    .toBuffer();
}

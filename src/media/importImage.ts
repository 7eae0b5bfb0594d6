// Import: check the file, keep an upright, location-free copy (or the exact bytes when the user
// asks to keep metadata), and make its thumbnail. The file the user picked is only read. Every
// file lands content-addressed under the media folder; on failure, files this call created are
// removed, so a refused or failed import leaves nothing behind.
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { removeStaleTemporaries, writeFileAtomic } from './atomicWrite.ts';
import { EXTENSION, type ImageFormat } from './formats.ts';
import { damaged, inspectImage, SAFE_INPUT } from './inspect.ts';
import { stripJpegMetadata } from './jpegStrip.ts';
import { stripPngMetadata } from './pngStrip.ts';
import { MASTER_QUALITY, THUMBNAIL_SIZE } from './limits.ts';
import { MediaRefusedError } from './refusal.ts';

export interface ImportOptions {
  /** Keep EXIF/XMP/IPTC (location included) and the exact bytes; default false: strip them. */
  readonly keepMetadata?: boolean;
}

export interface ImportedImage {
  readonly sha256: string;
  readonly sourceSha256: string;
  readonly format: ImageFormat;
  readonly width: number;
  readonly height: number;
  /** Bytes of the stored copy. */
  readonly bytes: number;
  readonly sourceOrientation: number;
  /** Whether the stored pixels were turned upright (so EXIF orientation no longer applies). */
  readonly orientationApplied: boolean;
  readonly metadataStripped: boolean;
  /** Paths relative to the media folder. */
  readonly file: string;
  readonly thumbnailFile: string;
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The bytes of the stored copy: upright, metadata dropped except the colour profile. An upright
 * JPEG or PNG loses only its metadata segments or chunks (pixels untouched); the rest is re-encoded.
 */
async function sanitised(input: Buffer, format: ImageFormat, orientation: number): Promise<Buffer> {
  if (orientation === 1 && format !== 'webp') {
    const stripped = format === 'jpeg' ? stripJpegMetadata(input) : stripPngMetadata(input);
    if (stripped) return stripped;
  }
  const pipeline = sharp(input, SAFE_INPUT).autoOrient().keepIccProfile();
  if (format === 'jpeg') return pipeline.jpeg({ quality: MASTER_QUALITY, chromaSubsampling: '4:4:4' }).toBuffer();
  if (format === 'png') return pipeline.png({ compressionLevel: 6 }).toBuffer();
  return pipeline.webp({ quality: MASTER_QUALITY }).toBuffer();
}

export function thumbnail(input: Buffer | string): Promise<Buffer> {
  return sharp(input, SAFE_INPUT)
    .autoOrient()
    .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer();
}

export interface ImportResult {
  readonly image: ImportedImage;
  /** The stored copy's bytes, for rendering renditions without reading the file back. */
  readonly stored: Buffer;
  /** Absolute paths this call wrote (files that already existed are not listed). */
  readonly created: readonly string[];
}

export async function importImage(mediaDir: string, input: Buffer, name: string, options: ImportOptions = {}): Promise<ImportResult> {
  // A process killed mid-write leaves a hidden temporary file; the next import clears old ones.
  await removeStaleTemporaries([mediaDir, join(mediaDir, 'thumbnails'), join(mediaDir, 'renditions')], Date.now());
  const inspected = await inspectImage(input, name);
  const keep = options.keepMetadata === true;
  let stored: Buffer;
  let preview: Buffer;
  try {
    stored = keep ? input : await sanitised(input, inspected.format, inspected.orientation);
    // Decodes every pixel of the stored copy, so a truncated file is refused here.
    preview = await thumbnail(stored);
  } catch (error) {
    if (error instanceof MediaRefusedError) throw error;
    throw damaged(name, error);
  }
  const sha256 = sha256Of(stored);
  const file = `${sha256}.${EXTENSION[inspected.format]}`;
  const thumbnailFile = `thumbnails/${sha256}.webp`;
  const created: string[] = [];
  try {
    for (const [relative, bytes] of [[file, stored], [thumbnailFile, preview]] as const) {
      const absolute = join(mediaDir, relative);
      if (await writeFileAtomic(absolute, bytes)) created.push(absolute);
    }
  } catch (error) {
    await Promise.all(created.map((path) => rm(path, { force: true })));
    throw error;
  }
  return {
    stored,
    created,
    image: {
      sha256,
      sourceSha256: sha256Of(input),
      format: inspected.format,
      width: inspected.width,
      height: inspected.height,
      bytes: stored.length,
      sourceOrientation: inspected.orientation,
      orientationApplied: !keep && inspected.orientation !== 1,
      metadataStripped: !keep,
      file,
      thumbnailFile,
    },
  };
}

/** Removes files a step wrote, for a caller whose database step failed afterwards. */
export async function removeCreated(created: readonly string[]): Promise<void> {
  await Promise.all(created.map((path) => rm(path, { force: true })));
}

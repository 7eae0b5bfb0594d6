// The gate every imported file passes before its pixels are decoded: size, signature, header
// dimensions. A decompression bomb (a small file that declares gigapixels) is refused here, from
// its header, and libvips' own pixel limit backs the check up during decoding.
import sharp from 'sharp';
import { sniffFormat, type ImageFormat } from './formats.ts';
import { formatMegabytes, formatMegapixels, MAX_IMPORT_BYTES, MAX_IMPORT_PIXELS } from './limits.ts';
import { MediaRefusedError } from './refusal.ts';

export interface InspectedImage {
  readonly format: ImageFormat;
  /** Upright size: the stored width and height swapped when EXIF orientation is 5–8. */
  readonly width: number;
  readonly height: number;
  /** EXIF orientation 1–8 (1 when absent). */
  readonly orientation: number;
  readonly hasExif: boolean;
  readonly hasIccProfile: boolean;
}

/** Options for every sharp pipeline that reads an imported image. */
export const SAFE_INPUT = { limitInputPixels: MAX_IMPORT_PIXELS, failOn: 'warning' } as const;

export async function inspectImage(bytes: Buffer, name: string): Promise<InspectedImage> {
  if (bytes.length === 0) throw new MediaRefusedError('not_an_image', `${name} is empty.`);
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new MediaRefusedError('too_large', `${name} is ${formatMegabytes(bytes.length)}; Stoa imports images up to ${formatMegabytes(MAX_IMPORT_BYTES)}.`);
  }
  const sniffed = sniffFormat(bytes);
  if (sniffed === 'heic' || sniffed === 'avif') {
    throw new MediaRefusedError(
      'unsupported_format',
      `${name} is a ${sniffed.toUpperCase()} image, which this build of Stoa cannot decode. Export it as JPEG (on iPhone: Settings → Camera → Formats → Most Compatible) and import that.`,
    );
  }
  if (sniffed === 'unknown') throw new MediaRefusedError('not_an_image', `${name} is not a JPEG, PNG or WebP image.`);

  let metadata: sharp.Metadata;
  try {
    // Reads the header only; no pixels are decoded yet.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw damaged(name, error);
  }
  const width = metadata.width ?? 0;
  const height = metadata.height ?? 0;
  if (width <= 0 || height <= 0) throw new MediaRefusedError('damaged', `${name} has no readable image size; the file is damaged.`);
  if (width * height > MAX_IMPORT_PIXELS) {
    throw new MediaRefusedError(
      'too_many_pixels',
      `${name} declares ${width.toLocaleString('en-US')}×${height.toLocaleString('en-US')} pixels (${formatMegapixels(width * height)}); Stoa imports images up to ${formatMegapixels(MAX_IMPORT_PIXELS)}.`,
    );
  }
  const orientation = metadata.orientation ?? 1;
  const turned = orientation >= 5 && orientation <= 8;
  return {
    format: sniffed,
    width: turned ? height : width,
    height: turned ? width : height,
    orientation,
    hasExif: metadata.exif !== undefined,
    hasIccProfile: metadata.icc !== undefined,
  };
}

/** Turns a libvips decoding failure into a refusal a person can act on. */
export function damaged(name: string, error: unknown): MediaRefusedError {
  const detail = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(detail)) {
    return new MediaRefusedError('too_many_pixels', `${name} has more than ${formatMegapixels(MAX_IMPORT_PIXELS)}; Stoa imports images up to that size.`);
  }
  return new MediaRefusedError('damaged', `${name} is truncated or damaged and cannot be read (${detail.split('\n')[0]}). Export the image again and import the new file.`);
}

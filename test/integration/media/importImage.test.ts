// The media pipeline on real files: each format, EXIF orientation, location stripping, the size
// caps, damaged and hostile files, and that a refused import leaves no file behind.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { importImage, MAX_IMPORT_BYTES, MAX_IMPORT_PIXELS, MediaRefusedError, renderAllRenditions } from '../../../src/media/index.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { GPS_IFD_POINTER, ifd0Tags } from '../../unit/media/exifTags.ts';
import { photo, pngDeclaring, rotatedJpegWithGps } from './images.ts';

const tempDir = useTempDir('stoa-media-');

/** Every file under the folder, recursively, relative to it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

async function refusal(promise: Promise<unknown>): Promise<MediaRefusedError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(MediaRefusedError);
  return error as MediaRefusedError;
}

describe('importImage', () => {
  it.each(['jpeg', 'png', 'webp'] as const)('imports a %s: stored copy, thumbnail and size', async (format) => {
    const dir = tempDir();
    const input = await photo(640, 480, format);
    const { image } = await importImage(dir, input, `shot.${format}`);
    expect(image).toMatchObject({ format, width: 640, height: 480, orientationApplied: false, metadataStripped: true });
    const stored = readFileSync(join(dir, image.file));
    expect(image.file).toBe(`${image.sha256}.${format === 'jpeg' ? 'jpg' : format}`);
    expect((await sharp(stored).metadata()).format).toBe(format);
    const thumb = await sharp(join(dir, image.thumbnailFile)).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['webp', 480, 360]);
  });

  it('turns an orientation-6 photo upright (width and height swap) and drops its GPS block', async () => {
    const dir = tempDir();
    const input = await rotatedJpegWithGps(600, 400);
    const before = await sharp(input).metadata();
    expect(before.orientation).toBe(6);
    expect(ifd0Tags(before.exif)).toContain(GPS_IFD_POINTER);

    const { image } = await importImage(dir, input, 'rotated.jpg');
    expect(image).toMatchObject({ width: 400, height: 600, sourceOrientation: 6, orientationApplied: true, metadataStripped: true });
    const after = await sharp(join(dir, image.file)).metadata();
    expect([after.width, after.height]).toEqual([400, 600]);
    expect(after.orientation ?? 1).toBe(1);
    expect(ifd0Tags(after.exif)).not.toContain(GPS_IFD_POINTER);
    // The blue block was top-left before turning 90° clockwise: it is now top-right.
    const { data, info } = await sharp(join(dir, image.file)).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => data[(y * info.width + x) * info.channels + 2] as number;
    expect(pixel(info.width - 20, 20)).toBeGreaterThan(180);
    expect(pixel(20, 20)).toBeLessThan(150);
  });

  it('strips an upright JPEG without re-encoding it: same compressed pixels, no EXIF, no GPS', async () => {
    const dir = tempDir();
    const input = await sharp(await photo(640, 480))
      .withExif({ IFD0: { Make: 'StoaTestCam' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '33/1 52/1 0/1' } })
      .withMetadata({ orientation: 1 })
      .jpeg({ quality: 80 })
      .toBuffer();
    expect(ifd0Tags((await sharp(input).metadata()).exif)).toContain(GPS_IFD_POINTER);
    const { image } = await importImage(dir, input, 'upright.jpg');
    expect(image).toMatchObject({ orientationApplied: false, metadataStripped: true, width: 640, height: 480 });
    const stored = readFileSync(join(dir, image.file));
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    // Everything from the start-of-scan marker on is the input's, byte for byte.
    const scan = (jpeg: Buffer) => jpeg.subarray(jpeg.indexOf(Buffer.from([0xff, 0xda])));
    expect(scan(stored).equals(scan(input))).toBe(true);
    expect(stored.length).toBeLessThan(input.length);
  });

  it('keeps the colour profile while stripping the rest', async () => {
    const dir = tempDir();
    const input = await sharp(await photo(300, 200)).withIccProfile('p3').jpeg().toBuffer();
    expect((await sharp(input).metadata()).icc).toBeDefined();
    const { image } = await importImage(dir, input, 'p3.jpg');
    const stored = await sharp(join(dir, image.file)).metadata();
    expect(stored.icc?.length).toBe((await sharp(input).metadata()).icc?.length);
  });

  it('keeps the exact bytes, GPS included, when asked to keep metadata; renditions are still upright', async () => {
    const dir = tempDir();
    const input = await rotatedJpegWithGps(600, 400);
    const { image, stored } = await importImage(dir, input, 'keep.jpg', { keepMetadata: true });
    expect(readFileSync(join(dir, image.file)).equals(input)).toBe(true);
    expect(image).toMatchObject({ width: 400, height: 600, orientationApplied: false, metadataStripped: false, sha256: image.sourceSha256 });
    expect(ifd0Tags((await sharp(join(dir, image.file)).metadata()).exif)).toContain(GPS_IFD_POINTER);
    const renditions = await renderAllRenditions(dir, { input: stored, width: image.width, height: image.height }, { x: 0.5, y: 0.5 }, []);
    const landscape = renditions.find((r) => r.target === 'instagram_landscape');
    const meta = await sharp(join(dir, landscape?.file ?? '')).metadata();
    expect([meta.width, meta.height, meta.orientation ?? 1]).toEqual([400, 210, 1]);
    expect(ifd0Tags(meta.exif)).not.toContain(GPS_IFD_POINTER);
  });

  it('renders every target at its size and ratio, cut around the focal point', async () => {
    const dir = tempDir();
    const { image, stored } = await importImage(dir, await photo(2400, 1600), 'big.jpg');
    const source = { input: stored, width: image.width, height: image.height };
    const left = await renderAllRenditions(dir, source, { x: 0, y: 0 }, []);
    expect(left.map((r) => [r.target, r.ratio, r.width, r.height])).toEqual([
      ['instagram_square', '1:1', 1080, 1080],
      ['instagram_portrait', '4:5', 1080, 1350],
      ['instagram_landscape', '1.91:1', 1080, 566],
      ['pinterest_pin', '2:3', 1000, 1500],
    ]);
    // With the focal point top-left the square shows the blue block in its top-left corner; moved right, it does not.
    const blueAt = async (file: string) => {
      const { data } = await sharp(join(dir, file)).extract({ left: 10, top: 10, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
      return (data[2] as number) > 180 && (data[0] as number) < 100;
    };
    expect(await blueAt(left[0]?.file ?? '')).toBe(true);
    const right = await renderAllRenditions(dir, source, { x: 1, y: 0.5 }, []);
    expect(await blueAt(right[0]?.file ?? '')).toBe(false);
    expect(right[0]?.sha256).not.toBe(left[0]?.sha256);
  });

  it(`accepts a 50-megapixel photo (the cap is ${MAX_IMPORT_PIXELS / 1e6} MP)`, async () => {
    const dir = tempDir();
    const input = await photo(8660, 5774);
    const { image, stored } = await importImage(dir, input, '50mp.jpg');
    expect(image.width * image.height).toBeGreaterThan(50_000_000);
    const renditions = await renderAllRenditions(dir, { input: stored, width: image.width, height: image.height }, { x: 0.5, y: 0.5 }, []);
    expect(renditions.map((r) => r.width)).toEqual([1080, 1080, 1080, 1000]);
  });

  it('refuses a decompression bomb from its header, before decoding, and writes nothing', async () => {
    const dir = tempDir();
    const bomb = await pngDeclaring(100_000, 100_000);
    expect(bomb.length).toBeLessThan(200);
    expect((await sharp(bomb, { limitInputPixels: false }).metadata()).width).toBe(100_000);
    const error = await refusal(importImage(dir, bomb, 'bomb.png'));
    expect(error.reason).toBe('too_many_pixels');
    expect(error.message).toMatch(/bomb\.png declares 100,000×100,000 pixels \(10,000 megapixels\); Stoa imports images up to 100 megapixels/);
    expect(filesUnder(dir)).toEqual([]);
  });

  it('refuses a truncated JPEG, PNG and WebP as damaged, leaving nothing behind', async () => {
    const dir = tempDir();
    for (const format of ['jpeg', 'png', 'webp'] as const) {
      const whole = await photo(800, 600, format);
      const error = await refusal(importImage(dir, whole.subarray(0, Math.floor(whole.length * 0.6)), `cut.${format}`));
      expect(error.reason).toBe('damaged');
      expect(error.message).toMatch(/truncated or damaged/);
    }
    expect(filesUnder(dir)).toEqual([]);
  });

  it('refuses files that are not images, HEIC it cannot decode, and files over the byte cap', async () => {
    const dir = tempDir();
    expect((await refusal(importImage(dir, Buffer.from('%PDF-1.7 not an image at all'), 'invoice.jpg'))).message).toBe('invoice.jpg is not a JPEG, PNG or WebP image.');
    expect((await refusal(importImage(dir, Buffer.alloc(0), 'empty.png'))).reason).toBe('not_an_image');
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(40)]);
    expect((await refusal(importImage(dir, heic, 'IMG_0001.HEIC'))).message).toMatch(/HEIC image, which this build of Stoa cannot decode\. Export it as JPEG/);
    const oversized = Buffer.concat([await photo(64, 64), Buffer.alloc(MAX_IMPORT_BYTES)]);
    const tooBig = await refusal(importImage(dir, oversized, 'huge.jpg'));
    expect(tooBig.reason).toBe('too_large');
    expect(tooBig.message).toMatch(/huge\.jpg is 50\.0 MB; Stoa imports images up to 50\.0 MB/);
    expect(filesUnder(dir)).toEqual([]);
  });
});

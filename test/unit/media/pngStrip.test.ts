// The lossless PNG chunk filter: metadata chunks go, the image chunks stay byte for byte.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { stripPngMetadata } from '../../../src/media/pngStrip.ts';
import { GPS_IFD_POINTER, ifd0Tags } from './exifTags.ts';

const chunkTypes = (png: Buffer): string[] => {
  const types: string[] = [];
  for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at)) types.push(png.subarray(at + 4, at + 8).toString('latin1'));
  return types;
};

describe('stripPngMetadata', () => {
  it('drops eXIf (with its GPS IFD) and text chunks, keeps 16-bit pixels and the ICC profile exactly', async () => {
    const input = await sharp({ create: { width: 24, height: 12, channels: 4, background: { r: 10, g: 200, b: 90, alpha: 0.5 } } })
      .toColourspace('rgb16')
      .withIccProfile('p3')
      .withExif({ IFD0: { Make: 'StoaTestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '1/1 2/1 3/1' } })
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/">lat</x:xmpmeta>')
      .png()
      .toBuffer();
    expect(ifd0Tags((await sharp(input).metadata()).exif)).toContain(GPS_IFD_POINTER);
    expect(chunkTypes(input)).toEqual(expect.arrayContaining(['eXIf', 'tEXt']));

    const stripped = stripPngMetadata(input) as Buffer;
    expect(chunkTypes(stripped).filter((t) => ['eXIf', 'iTXt', 'tEXt', 'zTXt'].includes(t))).toEqual([]);
    const meta = await sharp(stripped).metadata();
    expect([meta.exif, meta.xmp, meta.depth, meta.icc?.length]).toEqual([undefined, undefined, 'ushort', (await sharp(input).metadata()).icc?.length]);
    const pixels = (png: Buffer) => sharp(png).raw({ depth: 'ushort' }).toBuffer();
    expect((await pixels(stripped)).equals(await pixels(input))).toBe(true);
  });

  it('gives up (null) on a wrong signature, a chunk running past the end, or an unknown critical chunk', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).png().toBuffer();
    expect(stripPngMetadata(Buffer.from('GIF89a'))).toBeNull();
    expect(stripPngMetadata(png.subarray(0, png.length - 6))).toBeNull();
    const unknownCritical = Buffer.concat([png.subarray(0, 33), Buffer.from([0, 0, 0, 0]), Buffer.from('QQQQ'), Buffer.alloc(4), png.subarray(33)]);
    expect(stripPngMetadata(unknownCritical)).toBeNull();
  });
});

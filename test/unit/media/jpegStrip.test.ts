// The lossless JPEG metadata walk: which segments survive, and what it refuses to guess about.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { stripJpegMetadata } from '../../../src/media/jpegStrip.ts';

const segment = (marker: number, payload: string): Buffer => {
  const body = Buffer.from(payload, 'latin1');
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
};

describe('stripJpegMetadata', () => {
  it('drops EXIF, XMP, MPF, comments and appended images; keeps the ICC profile and the image', async () => {
    const base = await sharp({ create: { width: 32, height: 16, channels: 3, background: '#3a6' } }).withIccProfile('p3').jpeg().toBuffer();
    const withExtras = Buffer.concat([
      base.subarray(0, 2),
      segment(0xe1, 'Exif\0\0fake-gps'),
      segment(0xe1, 'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>lat</x:xmpmeta>'),
      segment(0xe2, 'MPF\0pointer-to-second-image'),
      segment(0xfe, 'shot at 12 Main St'),
      base.subarray(2),
      Buffer.from('appended second image with its own Exif', 'latin1'),
    ]);
    const stripped = stripJpegMetadata(withExtras);
    expect(stripped).not.toBeNull();
    const text = (stripped as Buffer).toString('latin1');
    for (const gone of ['fake-gps', 'xmpmeta', 'MPF', 'Main St', 'appended']) expect(text).not.toContain(gone);
    expect(text).toContain('ICC_PROFILE');
    const meta = await sharp(stripped as Buffer).metadata();
    expect([meta.width, meta.height, meta.icc !== undefined, meta.exif]).toEqual([32, 16, true, undefined]);
    await expect(sharp(stripped as Buffer, { failOn: 'warning' }).raw().toBuffer()).resolves.toBeInstanceOf(Buffer);
  });

  it('gives up (null) on structures it cannot walk: no SOI, a bad length, no end of image', async () => {
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).jpeg().toBuffer();
    expect(stripJpegMetadata(Buffer.from('not a jpeg'))).toBeNull();
    expect(stripJpegMetadata(Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xe1, 0xff, 0xff])]))).toBeNull();
    expect(stripJpegMetadata(jpeg.subarray(0, jpeg.length - 2))).toBeNull();
  });
});

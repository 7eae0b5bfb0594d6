// Real image files for the media tests, made with sharp at test time (no large fixtures committed).
import sharp from 'sharp';

/** A picture with structure (gradient, a block in a known corner) so crops and rotations are visible. */
export async function photo(width: number, height: number, format: 'jpeg' | 'png' | 'webp' = 'jpeg'): Promise<Buffer> {
  const block = await sharp({ create: { width: Math.max(1, Math.round(width / 4)), height: Math.max(1, Math.round(height / 4)), channels: 3, background: '#1040e0' } }).png().toBuffer();
  const base = sharp({ create: { width, height, channels: 3, background: '#e0c070' } }).composite([{ input: block, left: 0, top: 0 }]);
  if (format === 'png') return base.png().toBuffer();
  if (format === 'webp') return base.webp({ quality: 90 }).toBuffer();
  return base.jpeg({ quality: 90 }).toBuffer();
}

/** A JPEG whose EXIF says "rotate 90° clockwise to view" and where it was taken. */
export async function rotatedJpegWithGps(width: number, height: number): Promise<Buffer> {
  const pixels = await photo(width, height, 'jpeg');
  return sharp(pixels)
    .withExif({ IFD0: { Make: 'StoaTestCam', Model: 'T1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 26/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 39/1' } })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/**
 * A valid, tiny PNG whose header declares `width`×`height` pixels: a 1×1 image's IHDR rewritten,
 * CRC fixed, so only the declared size is wrong. Decoding it would need gigabytes.
 */
export async function pngDeclaring(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } }).png().toBuffer());
  // Signature (8) + length (4) + "IHDR" (4): width and height follow.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

// The simulators' PNG encoder (no sharp: the simulators stay out of the media room): a well-formed
// PNG (signature, IHDR, CRC-checked chunks, zlib IDAT) whose pixels decode to exactly what was
// drawn, the same bytes for the same name, other bytes for another, sides clamped, and media URLs
// that stay on loopback even for a simulator built without a host.
import sharp from 'sharp';
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng, simImagePng } from '../../../src/platforms/sim/simImage.ts';
import { simMediaUrl } from '../../../src/platforms/sim/simMedia.ts';

function chunks(png: Buffer): { type: string; data: Buffer; crcOk: boolean }[] {
  const out: { type: string; data: Buffer; crcOk: boolean }[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const typeAndData = png.subarray(at + 4, at + 8 + length);
    out.push({ type: typeAndData.subarray(0, 4).toString('ascii'), data: typeAndData.subarray(4), crcOk: png.readUInt32BE(at + 8 + length) === crc32(typeAndData) >>> 0 });
    at += 12 + length;
  }
  return out;
}

describe('simulator images', () => {
  it('encodes RGB pixels as a PNG that decodes to the same pixels', async () => {
    const rgb = Uint8Array.from({ length: 5 * 3 * 3 }, (_, i) => (i * 37) % 256);
    const png = encodePng(5, 3, rgb);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const parts = chunks(png);
    expect(parts.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(parts.every((c) => c.crcOk)).toBe(true);
    expect(inflateSync(parts[1]?.data ?? Buffer.alloc(0)).length).toBe((5 * 3 + 1) * 3);
    const decoded = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect(decoded.info).toMatchObject({ width: 5, height: 3, channels: 3 });
    expect(Uint8Array.from(decoded.data)).toEqual(rgb);
    expect(() => encodePng(5, 3, rgb.subarray(1))).toThrow(/expected 45 RGB bytes/);
  });

  it('draws the same picture for the same name, another for another, clamped to 16..2048', async () => {
    const a = simImagePng('instagram/17910000000000001');
    expect(simImagePng('instagram/17910000000000001').equals(a)).toBe(true);
    expect(simImagePng('instagram/17910000000000002').equals(a)).toBe(false);
    expect(await sharp(a).metadata()).toMatchObject({ format: 'png', width: 640, height: 640 });
    expect(await sharp(simImagePng('x', 4, 99_999)).metadata()).toMatchObject({ width: 16, height: 2048 });
    // Not a flat fill: gradient and blocks give the picture more than a handful of colours.
    const { data } = await sharp(simImagePng('pinterest/1125899000000001', 64, 64)).raw().toBuffer({ resolveWithObject: true });
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 3) colours.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
    expect(colours.size).toBeGreaterThan(20);
  });

  it('names media on the host it is given, and on loopback without one', () => {
    expect(simMediaUrl({ baseUrl: 'http://127.0.0.1:4321' }, 'youtube', 'vi/abc_123', 'hqdefault', { width: 480, height: 360 })).toBe('http://127.0.0.1:4321/__sim/media/youtube/vi/abc_123/hqdefault.png?w=480&h=360');
    expect(simMediaUrl({}, 'pinterest', 'new-ff 00', 'originals')).toBe('http://127.0.0.1/__sim/media/pinterest/new-ff%2000/originals.png');
  });
});

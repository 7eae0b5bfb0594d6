// What the media benchmark needs from sharp, kept in the one room allowed to import it: synthetic
// camera-sized JPEGs (made at bench time, so no large files are committed) and the floor, one plain
// sharp resize to a target size with nothing else Stoa does (no checks, no focal crop, no hash, no file).
import sharp from 'sharp';
import { RENDITION_QUALITY } from './limits.ts';

/** A JPEG with camera-like content: a gradient, a few shapes and fine noise, so it compresses like a photo. */
export async function syntheticPhoto(width: number, height: number, seed: number): Promise<Buffer> {
  const hue = (seed * 47) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},60%,70%)"/><stop offset="1" stop-color="hsl(${(hue + 120) % 360},50%,30%)"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${width * 0.3}" cy="${height * 0.4}" r="${height * 0.2}" fill="hsl(${(hue + 200) % 360},70%,50%)"/>
    <rect x="${width * 0.55}" y="${height * 0.5}" width="${width * 0.3}" height="${height * 0.35}" fill="hsl(${(hue + 60) % 360},40%,60%)"/>
  </svg>`;
  const noise = await sharp({ create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 12 } } }).raw().toBuffer();
  return sharp(Buffer.from(svg))
    .composite([{ input: noise, raw: { width, height, channels: 3 }, blend: 'soft-light' }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** One bare resize (sharp's default cover crop, centred) to the target size; returns the output size. */
export async function bareResize(input: Buffer, width: number, height: number): Promise<number> {
  const bytes = await sharp(input).resize(width, height).jpeg({ quality: RENDITION_QUALITY }).toBuffer();
  return bytes.length;
}

// The pictures the simulators serve as post media: a PNG drawn from a name alone (same name, same
// bytes), so compliance thumbnails and "Use in Studio" have real image bytes to read on loopback.
// Encoded here with node:zlib rather than sharp, because sharp belongs to the media room
// (src/media) and the simulators must not depend on it. A diagonal two-colour gradient with a few
// blocks on top, so resizing and cropping visibly do something.
import { crc32, deflateSync } from 'node:zlib';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
export const SIM_IMAGE_MIN_SIDE = 16;
export const SIM_IMAGE_MAX_SIDE = 2048;

/** FNV-1a, then xorshift steps: enough spread for colours and block positions from a short id. */
function seededStream(name: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i += 1) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  let state = h || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
}

type Rgb = readonly [number, number, number];

/** HSL (h in 0..1) to 8-bit RGB. */
function hsl(h: number, s: number, l: number): Rgb {
  const f = (n: number): number => {
    const k = (n + h * 12) % 12;
    const a = s * Math.min(l, 1 - l);
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGB PNG of `rgb` (width × height × 3 bytes, row-major), unfiltered rows. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  if (rgb.length !== width * height * 3) throw new Error(`expected ${width * height * 3} RGB bytes for ${width}x${height}, got ${rgb.length}`);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour
  // compression, filter and interlace methods stay 0
  const stride = width * 3;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (stride + 1)] = 0; // filter: none
    raw.set(rgb.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** The picture for `name`, `width` × `height` (each clamped to 16..2048). */
export function simImagePng(name: string, width = 640, height = 640): Buffer {
  const w = Math.max(SIM_IMAGE_MIN_SIDE, Math.min(SIM_IMAGE_MAX_SIDE, Math.round(width)));
  const h = Math.max(SIM_IMAGE_MIN_SIDE, Math.min(SIM_IMAGE_MAX_SIDE, Math.round(height)));
  const next = seededStream(name);
  const hue = next();
  const from = hsl(hue, 0.55, 0.62);
  const to = hsl((hue + 0.18 + next() * 0.2) % 1, 0.6, 0.38);
  const pixels = new Uint8Array(w * h * 3);
  const span = w + h - 2 || 1;
  for (let y = 0; y < h; y += 1) {
    for (let x = 0; x < w; x += 1) {
      const t = (x + y) / span;
      const o = (y * w + x) * 3;
      pixels[o] = from[0] + (to[0] - from[0]) * t;
      pixels[o + 1] = from[1] + (to[1] - from[1]) * t;
      pixels[o + 2] = from[2] + (to[2] - from[2]) * t;
    }
  }
  const blocks = 3 + Math.floor(next() * 3);
  for (let b = 0; b < blocks; b += 1) {
    const colour = hsl((hue + 0.5 + next() * 0.3) % 1, 0.5 + next() * 0.3, 0.3 + next() * 0.45);
    const bw = Math.max(1, Math.round(w * (0.12 + next() * 0.25)));
    const bh = Math.max(1, Math.round(h * (0.12 + next() * 0.25)));
    const bx = Math.floor(next() * (w - bw));
    const by = Math.floor(next() * (h - bh));
    for (let y = by; y < by + bh; y += 1) {
      for (let x = bx; x < bx + bw; x += 1) pixels.set(colour, (y * w + x) * 3);
    }
  }
  return encodePng(w, h, pixels);
}

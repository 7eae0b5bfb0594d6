// Removes metadata from a PNG without re-encoding it: chunks are copied as they are, and only the
// ones that carry metadata are left out. Keeps bit depth, palette and transparency exactly.
//
// Kept: the image itself (IHDR, PLTE, IDAT, IEND), transparency (tRNS), colour (iCCP, sRGB, gAMA,
// cHRM, sBIT, cICP, mDCv, cLLi), pixel density (pHYs), background (bKGD) and animation (acTL, fcTL,
// fdAT). Dropped: eXIf (EXIF, GPS included), tEXt/zTXt/iTXt (XMP and free text), tIME, and any
// other ancillary chunk, whose contents Stoa cannot vouch for.

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const KEPT = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'iCCP', 'sRGB', 'gAMA', 'cHRM', 'sBIT', 'cICP', 'mDCv', 'cLLi', 'pHYs', 'bKGD', 'acTL', 'fcTL', 'fdAT']);

/** The PNG without metadata chunks, or null when its chunk structure does not add up. */
export function stripPngMetadata(png: Buffer): Buffer | null {
  if (!png.subarray(0, 8).equals(SIGNATURE)) return null;
  const parts: Buffer[] = [SIGNATURE];
  let at = 8;
  while (at + 12 <= png.length) {
    const length = png.readUInt32BE(at);
    const end = at + 12 + length;
    if (end > png.length) return null;
    const type = png.subarray(at + 4, at + 8).toString('latin1');
    // A critical chunk (upper-case first letter) Stoa does not know would change the image: give up.
    const critical = type.charCodeAt(0) >= 0x41 && type.charCodeAt(0) <= 0x5a;
    if (critical && !KEPT.has(type)) return null;
    if (KEPT.has(type)) parts.push(png.subarray(at, end));
    if (type === 'IEND') return Buffer.concat(parts);
    at = end;
  }
  return null;
}

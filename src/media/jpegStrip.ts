// Removes metadata from a JPEG without touching its pixels: the compressed image data is copied
// byte for byte and only the header segments that carry metadata are dropped. Used when no
// rotation is needed, so an imported JPEG stays exactly the photo that was taken.
//
// Kept: APP0 (JFIF), APP2 ICC_PROFILE (the colour profile), APP14 (Adobe colour transform) and
// every segment the decoder needs (tables, frame and scan headers). Dropped: APP1 (EXIF with its
// GPS IFD, XMP), APP13 (IPTC), COM, every other APPn, and anything after the end-of-image marker —
// where multi-picture (MPF) files append further images that carry their own EXIF.

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;
const APP2 = 0xe2;
const APP14 = 0xee;

const ICC_SIGNATURE = 'ICC_PROFILE\0';

function keeps(marker: number, payload: Buffer): boolean {
  if (marker === APP0 || marker === APP14) return true;
  if (marker === APP2) return payload.subarray(0, ICC_SIGNATURE.length).toString('latin1') === ICC_SIGNATURE;
  if (marker >= 0xe0 && marker <= 0xef) return false;
  return marker !== 0xfe;
}

/** The JPEG without metadata segments, or null when its structure is not one this walk understands. */
export function stripJpegMetadata(jpeg: Buffer): Buffer | null {
  if (jpeg[0] !== 0xff || jpeg[1] !== SOI) return null;
  const parts: Buffer[] = [jpeg.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= jpeg.length) {
    if (jpeg[at] !== 0xff) return null;
    const marker = jpeg[at + 1] as number;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const length = jpeg.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > jpeg.length) return null;
    if (marker === SOS) {
      // Entropy-coded data never holds FF D9 (a data FF is stuffed as FF 00), so the first FF D9
      // from here on ends the image, progressive scans and their tables included.
      const end = jpeg.indexOf(Buffer.from([0xff, EOI]), at + 2 + length);
      if (end < 0) return null;
      parts.push(jpeg.subarray(at, end + 2));
      return Buffer.concat(parts);
    }
    const segment = jpeg.subarray(at, at + 2 + length);
    if (keeps(marker, segment.subarray(4))) parts.push(segment);
    at += 2 + length;
  }
  return null;
}

// Reads the tag ids of an EXIF block's first IFD (a TIFF header, then IFD0), enough to tell
// whether a GPS IFD pointer (0x8825) survived. Small on purpose: no EXIF library is installed.
export const GPS_IFD_POINTER = 0x8825;

export function ifd0Tags(exif: Buffer | undefined): number[] {
  if (!exif) return [];
  // sharp returns the APP1 payload starting with "Exif\0\0"; PNG eXIf chunks start at the TIFF header.
  const tiff = exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
  const little = tiff.subarray(0, 2).toString('latin1') === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  const count = u16(ifd);
  return Array.from({ length: count }, (_, i) => u16(ifd + 2 + i * 12));
}

// Bytes → text for catalog files, as a stream. Exports are meant to be UTF-8 (with or without a
// BOM), but spreadsheets save Windows-1252 ("ANSI", a superset of Latin-1) or UTF-16 ("Unicode
// text"). We decode UTF-8 strictly; when the first non-ASCII bytes are not UTF-8 and everything
// before them was ASCII, the file is Windows-1252 and is read as such (and the import says so).
// Bytes that switch encoding after real UTF-8 text are refused: guessing would corrupt names.
import { isAscii, isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { CatalogFileError } from './product.ts';

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface DecodeReport {
  encoding: TextEncodingName;
  bom: boolean;
}

function bomOf(head: Uint8Array): { encoding: TextEncodingName; length: number } | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** Where the last complete UTF-8 character of `bytes` ends: a character cut by the chunk's end waits for the next chunk. */
function completeLength(bytes: Uint8Array): number {
  const end = bytes.length;
  // A character is at most 4 bytes: look back at most 3 for the lead byte of an unfinished one.
  for (let back = 1; back <= Math.min(3, end); back += 1) {
    const byte = bytes[end - back] as number;
    if (byte < 0x80) return end; // ASCII: nothing is cut.
    if (byte >= 0xc0) {
      const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return size > back ? end - back : end;
    }
  }
  return end;
}

/**
 * Bytes → UTF-8 bytes, as a stream: each chunk is valid UTF-8 ending on a whole character. A UTF-8
 * file passes through without being decoded (validated natively: the CSV parser decodes each cell
 * anyway), others are decoded and re-encoded. Fills `report`; throws CatalogFileError on mixed encodings.
 */
export async function* decodeToUtf8(chunks: AsyncIterable<Uint8Array>, report: DecodeReport): AsyncGenerator<Buffer> {
  let started = false;
  let decoder: TextDecoder | null = null;
  let seenNonAscii = false;
  let offset = 0;
  let carry: Buffer | null = null;
  for await (const raw of chunks) {
    let chunk = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    if (!started) {
      started = true;
      const bom = bomOf(chunk);
      report.bom = bom !== null;
      report.encoding = bom?.encoding ?? 'utf-8';
      if (bom) chunk = chunk.subarray(bom.length);
      // ignoreBOM: the BOM is already gone; a second one would be content.
      if (report.encoding !== 'utf-8') decoder = new TextDecoder(report.encoding, { ignoreBOM: true });
    }
    if (decoder) {
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield Buffer.from(text, 'utf8');
      offset += chunk.length;
      continue;
    }
    const bytes: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    carry = null;
    if (isAscii(bytes)) {
      yield bytes;
      offset += bytes.length;
      continue;
    }
    const whole = completeLength(bytes);
    const complete = bytes.subarray(0, whole);
    if (isUtf8(complete)) {
      // The chunk may be ASCII up to a cut character that decides nothing yet.
      if (!seenNonAscii && !isAscii(complete)) seenNonAscii = true;
      carry = whole < bytes.length ? Buffer.from(bytes.subarray(whole)) : null;
      if (whole > 0) yield complete;
      offset += whole;
      continue;
    }
    if (seenNonAscii) {
      throw new CatalogFileError(
        `The file is UTF-8 up to about byte ${offset} and then has bytes that are not UTF-8; save it again as UTF-8 and import it again.`,
      );
    }
    // Everything so far was ASCII, so the file is Windows-1252 from the start.
    report.encoding = 'windows-1252';
    decoder = new TextDecoder('windows-1252');
    yield Buffer.from(decoder.decode(bytes, { stream: true }), 'utf8');
    offset += bytes.length;
  }
  if (carry) throw new CatalogFileError('The file ends in the middle of a UTF-8 character; it is probably truncated.');
  if (decoder) {
    const tail = decoder.decode();
    if (tail) yield Buffer.from(tail, 'utf8');
  }
}

/** The same stream as text, for the XML reader and the format detection. */
export async function* decodeText(chunks: AsyncIterable<Uint8Array>, report: DecodeReport): AsyncGenerator<string> {
  for await (const bytes of decodeToUtf8(chunks, report)) yield bytes.toString('utf8');
}

export const describeEncoding = (report: DecodeReport): string | null =>
  report.encoding === 'windows-1252'
    ? 'The file is not UTF-8; it was read as Windows-1252 (Latin-1). Check accented names, and export as UTF-8 next time.'
    : report.encoding.startsWith('utf-16')
      ? 'The file is UTF-16 (a spreadsheet "Unicode text" export); it was read as such.'
      : null;

// Bytes → text for catalog files, as a stream. Exports are meant to be UTF-8 (with or without a
// BOM), but spreadsheets save Windows-1252 ("ANSI", a superset of Latin-1) or UTF-16 ("Unicode
// text"). We decode UTF-8 strictly; when the first non-ASCII bytes are not UTF-8 and everything
// before them was ASCII, the file is Windows-1252 and is read as such (and the import says so).
// Bytes that switch encoding after real UTF-8 text are refused: guessing would corrupt names.
import { isAscii } from 'node:buffer';
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

/** Decodes `chunks`, filling `report` with what was found; throws CatalogFileError on mixed encodings. */
export async function* decodeText(chunks: AsyncIterable<Uint8Array>, report: DecodeReport): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let seenNonAscii = false;
  let offset = 0;
  for await (const raw of chunks) {
    let chunk = raw;
    if (decoder === null) {
      const bom = bomOf(chunk);
      report.bom = bom !== null;
      report.encoding = bom?.encoding ?? 'utf-8';
      if (bom) chunk = chunk.subarray(bom.length);
      // ignoreBOM: the BOM is already gone; a second one would be content.
      decoder = new TextDecoder(report.encoding, { fatal: report.encoding === 'utf-8', ignoreBOM: true });
    }
    if (report.encoding !== 'utf-8') {
      yield decoder.decode(chunk, { stream: true });
      offset += chunk.length;
      continue;
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
      if (!isAscii(chunk)) seenNonAscii = true;
    } catch {
      if (seenNonAscii) {
        throw new CatalogFileError(
          `The file is UTF-8 up to about byte ${offset} and then has bytes that are not UTF-8; save it again as UTF-8 and import it again.`,
        );
      }
      report.encoding = 'windows-1252';
      decoder = new TextDecoder('windows-1252');
      text = decoder.decode(chunk, { stream: true });
    }
    yield text;
    offset += chunk.length;
  }
  if (decoder) {
    try {
      const tail = decoder.decode();
      if (tail) yield tail;
    } catch {
      throw new CatalogFileError('The file ends in the middle of a UTF-8 character; it is probably truncated.');
    }
  }
}

export const describeEncoding = (report: DecodeReport): string | null =>
  report.encoding === 'windows-1252'
    ? 'The file is not UTF-8; it was read as Windows-1252 (Latin-1). Check accented names, and export as UTF-8 next time.'
    : report.encoding.startsWith('utf-16')
      ? 'The file is UTF-16 (a spreadsheet "Unicode text" export); it was read as such.'
      : null;

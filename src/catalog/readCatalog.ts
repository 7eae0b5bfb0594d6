// One entry for every catalog file: bytes in, products and row errors out, as a stream. Detects
// the format (Shopify CSV, Merchant TSV/CSV, Merchant XML) from the content unless told, decodes
// the text (BOM, Windows-1252, UTF-16), and describes what it found in `info` as it goes.
import { decodeText, describeEncoding, type DecodeReport } from './decode.ts';
import { readDelimited } from './delimitedRows.ts';
import { attributeName, checkMerchantHeader, merchantItem } from './merchant.ts';
import { readMerchantXml, type XmlTail } from './merchantXml.ts';
import { CatalogFileError, type CatalogEvent, type CatalogFormat } from './product.ts';
import { looksLikeShopify } from './shopifyColumns.ts';
import { ShopifyReader } from './shopify.ts';

export interface ReadOptions {
  /** Skip detection; a file that does not fit the format is refused. */
  readonly format?: CatalogFormat;
  /** Shopify CSVs carry no currency: this one is used (default USD). */
  readonly currency?: string;
}

export interface ReadInfo {
  format: CatalogFormat | null;
  /** "export" or "template" for Shopify. */
  dialect: string | null;
  encoding: DecodeReport;
  /** Things the person should know that are not row errors (the file was Windows-1252, …). */
  warnings: string[];
}

/** Peeks at the first text chunk(s) and hands back a stream that still starts at the beginning. */
async function peek(text: AsyncIterable<string>): Promise<{ head: string; rest: AsyncIterable<string> }> {
  const iterator = text[Symbol.asyncIterator]();
  let head = '';
  const taken: string[] = [];
  while (head.length < 4096 && !head.includes('\n')) {
    const next = await iterator.next();
    if (next.done) break;
    taken.push(next.value);
    head += next.value;
  }
  async function* rest(): AsyncGenerator<string> {
    yield* taken;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, rest: rest() };
}

function detect(head: string): CatalogFormat {
  const trimmed = head.trimStart();
  if (trimmed.startsWith('<')) return 'gmc-xml';
  const firstLine = trimmed.split(/\r?\n/, 1)[0] ?? '';
  if (/(^|[,\t"])\s*(url )?handle\s*("|,|\t|$)/i.test(firstLine)) return 'shopify';
  if (/(^|[,\t"])\s*(g:)?id\s*("|,|\t|$)/i.test(firstLine)) return 'gmc-tsv';
  throw new CatalogFileError(
    'Stoa cannot tell what kind of catalog this is: a Shopify product CSV starts with a "Handle" (or "URL handle") column, a Merchant Center feed with "id", or is XML.',
    1,
  );
}

const delimiterOf = (firstLine: string): string => (firstLine.includes('\t') ? '\t' : ',');

export async function* readCatalog(bytes: AsyncIterable<Uint8Array>, options: ReadOptions, info: ReadInfo): AsyncGenerator<CatalogEvent> {
  try {
    yield* read(bytes, options, info);
  } finally {
    // The encoding is known for certain only once the bytes that decide it were read.
    const note = describeEncoding(info.encoding);
    if (note) info.warnings.unshift(note);
  }
}

export const emptyReadInfo = (): ReadInfo => ({ format: null, dialect: null, encoding: { encoding: 'utf-8', bom: false }, warnings: [] });

async function* read(bytes: AsyncIterable<Uint8Array>, options: ReadOptions, info: ReadInfo): AsyncGenerator<CatalogEvent> {
  const { head, rest } = await peek(decodeText(bytes, info.encoding));
  if (head.trim() === '') throw new CatalogFileError('The file is empty.');
  const format = options.format ?? detect(head);
  info.format = format;
  if (format === 'gmc-xml') {
    if (!head.trimStart().startsWith('<')) throw new CatalogFileError('The file is not XML, so it is not a Merchant Center XML feed.', 1);
    const tail: XmlTail = { closed: false, items: 0 };
    yield* dedupeMerchant(readMerchantXml(rest, tail));
    if (tail.items === 0) throw new CatalogFileError('The XML file has no <item> (RSS) or <entry> (Atom) elements, so it is not a Merchant Center feed.');
    if (!tail.closed) info.warnings.push('The XML file ends before its closing </rss> or </feed>: it may be truncated.');
    return;
  }
  const rows = readDelimited(rest, delimiterOf(head.split(/\r?\n/, 1)[0] ?? ''))[Symbol.asyncIterator]();
  const first = await rows.next();
  if (first.done || !('row' in first.value)) throw new CatalogFileError('The file has no header row.', 1);
  const header = first.value.row.fields;
  if (format === 'shopify') {
    if (!looksLikeShopify(header)) throw new CatalogFileError('The file has no "Handle" or "URL handle" column, so it is not a Shopify product CSV.', 1);
    const reader = new ShopifyReader(header, { currency: options.currency ?? 'USD' });
    info.dialect = reader.dialect;
    for await (const item of iterate(rows)) {
      if ('failure' in item) yield { kind: 'error', error: item.failure };
      else yield* reader.accept(item.row);
    }
    yield* reader.flush();
    return;
  }
  const attributes = header.map(attributeName);
  checkMerchantHeader(attributes);
  const positions = new Map(attributes.map((name, i) => [name, i] as const));
  async function* merchantRows(): AsyncGenerator<CatalogEvent> {
    for await (const item of iterate(rows)) {
      if ('failure' in item) {
        yield { kind: 'error', error: item.failure };
        continue;
      }
      const { fields, line } = item.row;
      if (fields.length > header.length) {
        yield { kind: 'error', error: { line, message: `the row has ${fields.length} cells but the header has ${header.length}; a tab or quote is probably out of place` } };
        continue;
      }
      yield merchantItem((attribute) => {
        const at = positions.get(attribute);
        return at === undefined ? '' : (fields[at] ?? '').trim();
      }, line);
    }
  }
  yield* dedupeMerchant(merchantRows());
}

function iterate<T>(iterator: AsyncIterator<T>): AsyncIterable<T> {
  return { [Symbol.asyncIterator]: () => iterator };
}

/** The same Merchant id twice in one file: the first wins, the second is reported. */
async function* dedupeMerchant(events: AsyncIterable<CatalogEvent>): AsyncGenerator<CatalogEvent> {
  const seen = new Map<string, number>();
  for await (const event of events) {
    if (event.kind === 'product') {
      const id = event.product.variants[0]?.key ?? event.product.key;
      const earlier = seen.get(id);
      if (earlier !== undefined) {
        yield { kind: 'error', error: { line: event.product.line, message: `item "${id}" is a duplicate of the item on line ${earlier}; skipped` } };
        continue;
      }
      seen.set(id, event.product.line);
    }
    yield event;
  }
}


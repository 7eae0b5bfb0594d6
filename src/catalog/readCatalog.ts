// One entry for every catalog file: bytes in, products and row errors out, as a stream. Detects
// the format (Shopify CSV, Merchant TSV/CSV, Merchant XML) from the content unless told, decodes
// the text (BOM, Windows-1252, UTF-16), and describes what it found in `info` as it goes.
import { decodeToUtf8, describeEncoding, type DecodeReport } from './decode.ts';
import { readDelimited, type DelimitedBatch } from './delimitedRows.ts';
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
  /** Shopify CSVs carry no shop address: with this domain (checked by parseShopDomain), products link to their page. */
  readonly shopDomain?: string;
}

export interface ReadInfo {
  format: CatalogFormat | null;
  /** "export" or "template" for Shopify. */
  dialect: string | null;
  encoding: DecodeReport;
  /** Things the person should know that are not row errors (the file was Windows-1252, …). */
  warnings: string[];
  /** The end of the file could not be read (an unclosed quote, a cut XML feed): what it had there is unknown. */
  incomplete: boolean;
}

/** Peeks at the first chunk(s) of UTF-8 and hands back a stream that still starts at the beginning. */
async function peek(bytes: AsyncIterable<Buffer>): Promise<{ head: string; rest: AsyncIterable<Buffer> }> {
  const iterator = bytes[Symbol.asyncIterator]();
  let head = '';
  const taken: Buffer[] = [];
  while (head.length < 4096 && !head.includes('\n')) {
    const next = await iterator.next();
    if (next.done) break;
    taken.push(next.value);
    // Each chunk ends on a whole character, so each decodes on its own.
    head += next.value.toString('utf8');
  }
  async function* rest(): AsyncGenerator<Buffer> {
    yield* taken;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, rest: rest() };
}

async function* asText(bytes: AsyncIterable<Buffer>): AsyncGenerator<string> {
  for await (const chunk of bytes) yield chunk.toString('utf8');
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

/** Products and row errors in file order, in batches (one per chunk of the file read). */
export async function* readCatalog(bytes: AsyncIterable<Uint8Array>, options: ReadOptions, info: ReadInfo): AsyncGenerator<CatalogEvent[]> {
  try {
    yield* read(bytes, options, info);
  } finally {
    // The encoding is known for certain only once the bytes that decide it were read.
    const note = describeEncoding(info.encoding);
    if (note) info.warnings.unshift(note);
  }
}

export const emptyReadInfo = (): ReadInfo => ({ format: null, dialect: null, encoding: { encoding: 'utf-8', bom: false }, warnings: [], incomplete: false });

async function* read(bytes: AsyncIterable<Uint8Array>, options: ReadOptions, info: ReadInfo): AsyncGenerator<CatalogEvent[]> {
  const { head, rest } = await peek(decodeToUtf8(bytes, info.encoding));
  if (head.trim() === '') throw new CatalogFileError('The file is empty.');
  const format = options.format ?? detect(head);
  info.format = format;
  const dedupe = new MerchantDuplicates();
  if (format === 'gmc-xml') {
    if (!head.trimStart().startsWith('<')) throw new CatalogFileError('The file is not XML, so it is not a Merchant Center XML feed.', 1);
    const tail: XmlTail = { closed: false, items: 0 };
    for await (const events of readMerchantXml(asText(rest), tail)) yield dedupe.filter(events);
    if (tail.items === 0) throw new CatalogFileError('The XML file has no <item> (RSS) or <entry> (Atom) elements, so it is not a Merchant Center feed.');
    if (!tail.closed) {
      info.incomplete = true;
      info.warnings.push('The XML file ends before its closing </rss> or </feed>: it may be truncated.');
    }
    return;
  }
  let rows: ((batch: DelimitedBatch) => CatalogEvent[]) | null = null;
  let finish: () => CatalogEvent[] = () => [];
  for await (const batch of readDelimited(rest, delimiterOf(head.split(/\r?\n/, 1)[0] ?? ''))) {
    if (rows === null) {
      const header = batch.rows.shift();
      if (!header) throw new CatalogFileError('The file has no header row.', 1);
      if (format === 'shopify') {
        if (!looksLikeShopify(header.fields)) throw new CatalogFileError('The file has no "Handle" or "URL handle" column, so it is not a Shopify product CSV.', 1);
        const reader = new ShopifyReader(header.fields, { currency: options.currency ?? 'USD', shopDomain: options.shopDomain ?? null });
        info.dialect = reader.dialect;
        rows = (next) => {
          const out: CatalogEvent[] = [];
          for (const row of next.rows) reader.accept(row, out);
          return out;
        };
        finish = () => {
          const out: CatalogEvent[] = [];
          reader.flush(out);
          return out;
        };
      } else {
        rows = merchantRows(header.fields);
      }
    }
    const events = rows(batch);
    if (batch.failure) {
      info.incomplete = true;
      events.push({ kind: 'error', error: batch.failure });
    }
    yield format === 'shopify' ? events : dedupe.filter(events);
  }
  if (rows === null) throw new CatalogFileError('The file has no header row.', 1);
  yield finish();
}

function merchantRows(header: readonly string[]): (batch: DelimitedBatch) => CatalogEvent[] {
  const attributes = header.map(attributeName);
  checkMerchantHeader(attributes);
  const positions = new Map(attributes.map((name, i) => [name, i] as const));
  // One getter for every row (the row it reads is swapped in), rather than a closure per row.
  let current: readonly string[] = [];
  const get = (attribute: string): string => {
    const at = positions.get(attribute);
    return at === undefined ? '' : (current[at] ?? '').trim();
  };
  return (batch) =>
    batch.rows.map(({ fields, line }): CatalogEvent => {
      if (fields.length !== header.length) {
        // The id is the first attribute of most feeds and usually still in its place: its stored item stays.
        const id = (fields[positions.get('id') ?? -1] ?? '').trim() || null;
        return { kind: 'error', error: { line, message: `the row has ${fields.length} cells but the header has ${header.length}; a tab or quote is probably missing or out of place` }, keepVariant: id };
      }
      current = fields;
      return merchantItem(get, line);
    });
}

/** The same Merchant id twice in one file: the first wins, the second is reported. */
class MerchantDuplicates {
  private readonly seen = new Map<string, number>();

  filter(events: CatalogEvent[]): CatalogEvent[] {
    return events.map((event) => {
      if (event.kind !== 'product') return event;
      const id = event.product.variants[0]?.key ?? event.product.key;
      const earlier = this.seen.get(id);
      if (earlier !== undefined) return { kind: 'error', error: { line: event.product.line, message: `item "${id}" is a duplicate of the item on line ${earlier}; skipped` } };
      this.seen.set(id, event.product.line);
      return event;
    });
  }
}

// Merchant Center XML feeds (RSS 2.0 <item> or Atom <entry>, attributes in the g: namespace),
// read item by item: the text is scanned for one complete element at a time, and only that
// element is validated and parsed, so memory stays bounded and a broken item costs only itself.
// A file cut short keeps every complete item before the cut.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { merchantItem } from './merchant.ts';
import type { CatalogEvent } from './product.ts';

const ITEM_START = /<(item|entry)[\s>/]/;
const ROOT_END = /<\/(rss|feed)\s*>/;
const ID_ELEMENT = /<(?:g:)?id>([^<]*)<\/(?:g:)?id>/;

const parser = new XMLParser({
  removeNSPrefix: true,
  parseTagValue: false,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
});

const countLines = (text: string, end: number): number => {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
};

/** The text of an element as fast-xml-parser returns it: a string, {#text}, {@_href} (Atom links) or a list. */
function textOf(value: unknown): string {
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return textOf(record['#text'] ?? record['@_href'] ?? '');
  }
  return '';
}

function parseItem(xml: string, tag: string, line: number): CatalogEvent {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    // Its id may still be readable: the item stored under it stays.
    const id = ID_ELEMENT.exec(xml)?.[1]?.trim() || null;
    return { kind: 'error', error: { line: line + valid.err.line - 1, message: `the <${tag}> is not well-formed XML: ${valid.err.msg}` }, keepVariant: id };
  }
  const parsed = parser.parse(xml) as Record<string, unknown>;
  const fields = (parsed[tag] ?? {}) as Record<string, unknown>;
  return merchantItem((attribute) => textOf(fields[attribute]), line);
}

export interface XmlTail {
  /** The document's closing </rss> or </feed> was seen. */
  closed: boolean;
  items: number;
}

export async function* readMerchantXml(text: AsyncIterable<string>, tail: XmlTail): AsyncGenerator<CatalogEvent[]> {
  let buffer = '';
  let bufferLine = 1;
  for await (const chunk of text) {
    buffer += chunk;
    const events: CatalogEvent[] = [];
    for (;;) {
      const start = buffer.search(ITEM_START);
      if (start === -1) {
        // Keep a short tail: an item's start tag may straddle two chunks.
        const keep = Math.max(0, buffer.length - 8);
        if (ROOT_END.test(buffer)) tail.closed = true;
        bufferLine += countLines(buffer, keep);
        buffer = buffer.slice(keep);
        break;
      }
      const tag = buffer[start + 1] === 'i' ? 'item' : 'entry';
      const closing = `</${tag}>`;
      const end = buffer.indexOf(closing, start);
      if (end === -1) {
        bufferLine += countLines(buffer, start);
        buffer = buffer.slice(start);
        break;
      }
      const line = bufferLine + countLines(buffer, start);
      const stop = end + closing.length;
      tail.items += 1;
      events.push(parseItem(buffer.slice(start, stop), tag, line));
      bufferLine += countLines(buffer, stop);
      buffer = buffer.slice(stop);
    }
    if (events.length > 0) yield events;
  }
  const open = buffer.search(ITEM_START);
  if (open !== -1) {
    const line = bufferLine + countLines(buffer, open);
    yield [{ kind: 'error', error: { line, message: `the file ends inside the item that starts on line ${line}: it is truncated, and that item was not imported` } }];
  } else if (ROOT_END.test(buffer)) {
    tail.closed = true;
  }
}

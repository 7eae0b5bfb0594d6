// Catalog benchmarks: importing a 100,000-row Merchant Center TSV feed (and a Shopify CSV) into a fresh workspace
// (decode, parse, map, validate, merge-write with the search index) and reading the same feed to
// products without the store, each against csv-parse alone over the same file in the same run
// (the floor: Stoa's reader uses csv-parse's stream parser underneath). Rates are per CPU second of
// this process, because the wall clock on a shared machine measures the neighbours too; the wall
// figures are in the notes.
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { systemClock } from '../../store/clock.ts';
import { openDatabase } from '../../store/open.ts';
import { importCatalog } from '../catalogImport.ts';
import { ratioOf, type BenchEntry, type BenchSuite } from './types.ts';

const ROWS = 100_000;
const HEADER = ['id', 'title', 'description', 'link', 'image_link', 'availability', 'price', 'brand', 'gtin', 'mpn', 'condition', 'item_group_id', 'color', 'size', 'google_product_category', 'product_type'];
const WORDS = ['linen', 'merino', 'stoneware', 'trail', 'runner', 'beanie', 'candle', 'tote', 'canvas', 'speckled', 'charcoal', 'natural', 'relaxed', 'organic', 'recycled', 'classic'];
const AVAILABILITY = ['in_stock', 'out_of_stock', 'preorder', 'backorder'];
const SIZES = ['XS', 'S', 'M', 'L', 'XL'];

/** A deterministic feed: a fifth of the rows are variants in groups of five, like a clothing shop's. */
export function syntheticMerchantFeed(rows: number): string {
  let seed = 7;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
  const words = (n: number) => Array.from({ length: n }, () => WORDS[next() % WORDS.length]).join(' ');
  const lines = [HEADER.join('\t')];
  for (let i = 0; i < rows; i += 1) {
    const grouped = i % 5 === 0 || (i > 0 && (i - 1) % 25 < 4);
    const group = grouped ? `G-${Math.floor(i / 5)}` : '';
    lines.push(
      [
        `SKU-${i}`,
        `${words(3)} ${i}`,
        `${words(24)}.`,
        `https://shop.example.com/products/${i}`,
        `https://cdn.example.com/images/${i}.jpg`,
        AVAILABILITY[next() % 4],
        `${(next() % 20_000) / 100} USD`,
        `Brand ${next() % 300}`,
        String(4_000_000_000_000 + i),
        `MPN-${i}`,
        'new',
        group,
        grouped ? 'Charcoal' : '',
        grouped ? (SIZES[i % 5] ?? '') : '',
        '187',
        'Apparel > Tops',
      ].join('\t'),
    );
  }
  return `${lines.join('\n')}\n`;
}

const SHOPIFY_HEADER = ['Handle', 'Title', 'Body (HTML)', 'Vendor', 'Option1 Name', 'Option1 Value', 'Variant SKU', 'Variant Inventory Tracker', 'Variant Inventory Qty', 'Variant Inventory Policy', 'Variant Price', 'Variant Barcode', 'Image Src', 'Image Position'];

/** A deterministic Shopify export: products of five size variants, the first row carrying the product's fields. */
export function syntheticShopifyCsv(rows: number): string {
  let seed = 11;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
  const words = (n: number) => Array.from({ length: n }, () => WORDS[next() % WORDS.length]).join(' ');
  const lines = [SHOPIFY_HEADER.join(',')];
  for (let i = 0; i < rows; i += 1) {
    const product = Math.floor(i / 5);
    const first = i % 5 === 0;
    const size = SIZES[i % 5] ?? 'M';
    lines.push(
      [
        `product-${product}`,
        first ? `${words(3)} ${product}` : '',
        first ? `"<p>${words(24)}.</p>"` : '',
        first ? `Brand ${next() % 300}` : '',
        first ? 'Size' : '',
        size,
        `SKU-${product}-${size}`,
        'shopify',
        String(next() % 40),
        next() % 2 === 0 ? 'deny' : 'continue',
        `${(next() % 20_000) / 100}`,
        String(4_000_000_000_000 + i),
        first ? `https://cdn.shopify.com/s/files/1/products/${product}.jpg` : '',
        first ? '1' : '',
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

interface Timing {
  /** Seconds of this process's CPU (user + system): steady on a shared machine, unlike the wall clock. */
  readonly cpu: number;
  readonly wall: number;
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; time: Timing }> {
  const cpu = process.cpuUsage();
  const wall = process.hrtime.bigint();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return { result, time: { cpu: (used.user + used.system) / 1e6, wall: Number(process.hrtime.bigint() - wall) / 1e9 } };
}

async function csvParseAlone(file: string, delimiter = '\t'): Promise<number> {
  let records = 0;
  const parser = createReadStream(file).pipe(parse({ delimiter, relax_quotes: true }));
  for await (const _record of parser) records += 1;
  return records - 1;
}

export const catalogBench: BenchSuite = {
  name: 'catalog',
  async run(): Promise<BenchEntry[]> {
    const dir = mkdtempSync(join(tmpdir(), 'stoa-bench-catalog-'));
    try {
      const file = join(dir, 'feed.tsv');
      writeFileSync(file, syntheticMerchantFeed(ROWS));
      // Warm both paths once on a small file so neither pays for module loading.
      await csvParseAlone(file);

      const parsed = await timed(() => csvParseAlone(file));
      const { readCatalog, emptyReadInfo } = await import('../../catalog/index.ts');
      const read = await timed(async () => {
        let products = 0;
        for await (const events of readCatalog(createReadStream(file), {}, emptyReadInfo())) for (const event of events) if (event.kind === 'product') products += 1;
        return products;
      });
      const db = openDatabase(join(dir, 'stoa.sqlite'));
      const who = { actor: 'bench', deviceId: 'bench' };
      const imported = await timed(() => importCatalog({ db, clock: systemClock, who }, 'feed.tsv', createReadStream(file)));
      const products = db.prepare('SELECT COUNT(*) FROM catalog_products').pluck().get() as number;
      db.close();

      // The same for a Shopify export: rows grouped by handle into products of five variants.
      const csv = join(dir, 'products.csv');
      writeFileSync(csv, syntheticShopifyCsv(ROWS));
      await csvParseAlone(csv, ',');
      const shopifyParsed = await timed(() => csvParseAlone(csv, ','));
      const shopifyDb = openDatabase(join(dir, 'shopify.sqlite'));
      const shopifyImported = await timed(() => importCatalog({ db: shopifyDb, clock: systemClock, who }, 'products.csv', createReadStream(csv), { shopDomain: 'shop.example.com' }));
      const shopifyVariants = shopifyDb.prepare('SELECT COUNT(*) FROM catalog_variants').pluck().get() as number;
      shopifyDb.close();
      if (shopifyParsed.result !== ROWS || shopifyVariants !== ROWS || shopifyImported.result.errorCount !== 0) {
        throw new Error(`catalog bench: csv-parse read ${shopifyParsed.result} Shopify rows, the import wrote ${shopifyVariants} variants with ${shopifyImported.result.errorCount} errors; expected ${ROWS}, ${ROWS} and none`);
      }
      if (parsed.result !== ROWS || read.result !== ROWS || imported.result.errorCount !== 0) {
        throw new Error(`catalog bench: csv-parse read ${parsed.result} rows, the reader ${read.result}, the import had ${imported.result.errorCount} errors; expected ${ROWS}, ${ROWS} and none`);
      }
      const rate = (t: Timing) => ROWS / t.cpu;
      const wall = (t: Timing) => Math.round(ROWS / t.wall);
      const baselineRate = rate(parsed.time);
      const importRate = rate(imported.time);
      const readRate = rate(read.time);
      const baseline = { name: 'csv-parse alone over the same TSV file (records counted, same run), rows per CPU second', value: Math.round(baselineRate) };
      return [
        {
          name: 'catalog.import_100k_row_feed',
          unit: 'rows/cpu-s',
          value: Math.round(importRate),
          baseline,
          ratio: ratioOf(importRate, baselineRate, 'higher'),
          better: 'higher',
          notes: `Merchant TSV, ${ROWS} rows → ${products} products (grouped variants merged), written in batches of 5,000 with variants, the FTS index, the run record and its audit entry. Wall clock: ${wall(imported.time)} rows/s (csv-parse ${wall(parsed.time)} rows/s).`,
        },
        {
          name: 'catalog.import_100k_row_shopify_csv',
          unit: 'rows/cpu-s',
          value: Math.round(rate(shopifyImported.time)),
          baseline: { name: 'csv-parse alone over the same Shopify CSV (records counted, same run), rows per CPU second', value: Math.round(rate(shopifyParsed.time)) },
          ratio: ratioOf(rate(shopifyImported.time), rate(shopifyParsed.time), 'higher'),
          better: 'higher',
          notes: `Shopify export, ${ROWS} rows → ${ROWS / 5} products of 5 variants, linked to their shop pages. Wall clock: ${wall(shopifyImported.time)} rows/s (csv-parse ${wall(shopifyParsed.time)} rows/s).`,
        },
        {
          name: 'catalog.read_100k_row_feed',
          unit: 'rows/cpu-s',
          value: Math.round(readRate),
          baseline,
          ratio: ratioOf(readRate, baselineRate, 'higher'),
          better: 'higher',
          notes: `Decode, parse, map and validate to products (prices, availability, duplicates), no store. Wall clock: ${wall(read.time)} rows/s.`,
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

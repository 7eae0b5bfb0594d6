// The catalog reader over real files: both Shopify dialects, Merchant TSV and XML (RSS and Atom),
// and broken files whose bad rows are reported by line while every good row still comes through.
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogFileError, emptyReadInfo, readCatalog, type CatalogProduct, type ReadInfo, type ReadOptions, type RowError } from '../../../src/catalog/index.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/catalog');

async function read(name: string, options: ReadOptions = {}): Promise<{ products: CatalogProduct[]; errors: RowError[]; info: ReadInfo }> {
  const info = emptyReadInfo();
  const products: CatalogProduct[] = [];
  const errors: RowError[] = [];
  // Small chunks so that rows, multi-byte characters and XML items straddle chunk boundaries.
  for await (const events of readCatalog(createReadStream(join(FIXTURES, name), { highWaterMark: 97 }), options, info)) {
    for (const event of events) {
      if (event.kind === 'product') products.push(event.product);
      else errors.push(event.error);
    }
  }
  return { products, errors, info };
}

async function refusal(name: string, options: ReadOptions = {}): Promise<CatalogFileError> {
  const error = await read(name, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CatalogFileError);
  return error as CatalogFileError;
}

describe('Shopify product CSV', () => {
  it('reads the export dialect, grouping variant and image rows by handle', async () => {
    const { products, errors, info } = await read('shopify-export.csv');
    expect(errors).toEqual([]);
    expect(info).toMatchObject({ format: 'shopify', dialect: 'export' });
    expect(products.map((p) => p.key)).toEqual(['linen-shirt', 'ceramic-mug', 'wool-beanie']);
    const shirt = products[0] as CatalogProduct;
    expect(shirt).toMatchObject({
      source: 'shopify',
      sku: 'LS-S-NAT',
      title: 'Linen Shirt',
      brand: 'Kestrel & Co',
      gtin: '0812345000011',
      mpn: 'KS-LS-01',
      price: { amount: '58.00', currency: 'USD' },
      availability: 'in_stock',
      imageUrl: 'https://cdn.shopify.com/s/files/1/0533/2089/files/linen-shirt-front.jpg',
      line: 2,
    });
    expect(shirt.description).toContain('<li>Relaxed fit</li>');
    expect(shirt.variants.map((v) => [v.sku, v.title, v.price?.amount, v.availability])).toEqual([
      ['LS-S-NAT', 'S / Natural', '58.00', 'in_stock'],
      ['LS-M-NAT', 'M / Natural', '58.00', 'backorder'],
      ['LS-L-NAT', 'L / Natural', '62.00', 'in_stock'],
    ]);
    expect(shirt.variants[0]?.options).toEqual([
      { name: 'Size', value: 'S' },
      { name: 'Color', value: 'Natural' },
    ]);
    // The multi-line Body (HTML) ends on line 7; the next product starts after the image-only row.
    expect(products[1]).toMatchObject({ line: 10, variants: [{ title: 'Default Title', key: 'MUG-SPK' }] });
    expect(products[2]?.price).toEqual({ amount: '1299.00', currency: 'USD' });
  });

  it('reads the template dialect with a BOM and CRLF line ends, in the currency it is told', async () => {
    const { products, errors, info } = await read('shopify-template-bom.csv', { currency: 'EUR' });
    expect(errors).toEqual([]);
    expect(info).toMatchObject({ format: 'shopify', dialect: 'template', encoding: { encoding: 'utf-8', bom: true }, warnings: [] });
    expect(products.map((p) => [p.key, p.title, p.price])).toEqual([
      ['trail-runner-2', 'Trail Runner 2', { amount: '129.95', currency: 'EUR' }],
      ['lip-balm-creme-brulee', 'Crème Brûlée Lip Balm', { amount: '8.00', currency: 'EUR' }],
    ]);
    const shoe = products[0] as CatalogProduct;
    expect(shoe.variants.map((v) => [v.key, v.availability, v.gtin, v.imageUrl])).toEqual([
      ['TR2-42', 'in_stock', '4006381333931', null],
      ['TR2-43', 'backorder', '4006381333948', 'https://cdn.shopify.com/s/files/1/0600/trail-runner-2-43.jpg'],
    ]);
    expect(shoe.mpn).toBe('NL-TR2');
  });

  it('reads a Windows-1252 file as such and says so', async () => {
    const { products, errors, info } = await read('shopify-template-latin1.csv');
    expect(errors).toEqual([]);
    expect(info.encoding.encoding).toBe('windows-1252');
    expect(info.warnings.join(' ')).toMatch(/not UTF-8; it was read as Windows-1252/);
    expect(products[1]).toMatchObject({ title: 'Crème Brûlée Lip Balm', brand: 'Maison Éclat', description: 'Shea butter & vanilla — «soft» finish.' });
  });

  it('reports each broken row with its line and reason and keeps every good row', async () => {
    const { products, errors } = await read('shopify-broken.csv');
    expect(errors).toEqual([
      { line: 2, message: 'variant of "tote-bag" skipped: price "19,99" is not a number with a dot for decimals (like "19.99")' },
      { line: 5, message: 'variant of "enamel-pin" skipped: price "-9.00" is negative' },
      { line: 6, message: 'variant of "enamel-pin" skipped: price "free" is not a number with a dot for decimals (like "19.99")' },
      { line: 7, message: 'the row has no handle, so it belongs to no product' },
      { line: 8, message: 'the row has no handle, so it belongs to no product' },
      { line: 9, message: 'the first row of product "sticker" has no title' },
      { line: 10, message: 'the row belongs to product "sticker", whose first row (line 9) could not be read' },
      { line: 11, message: 'product "field-notes" already started on line 3; its rows must be together, so this row was skipped' },
      { line: 13, message: 'duplicate of the variant "CNDL" of "candle" on line 12; skipped' },
      { line: 14, message: 'the row has 49 cells but the header has 48; a comma or quote is probably missing or out of place' },
    ]);
    expect(products.map((p) => [p.key, p.variants.map((v) => v.sku)])).toEqual([
      ['tote-bag', []],
      ['field-notes', ['FN-3']],
      ['enamel-pin', ['PIN-G']],
      ['candle', ['CNDL']],
    ]);
  });

  it('reports a row whose quote swallowed its cells, and keeps the products around it', async () => {
    const { products, errors } = await read('shopify-unclosed-quote.csv');
    expect(products.map((p) => p.key)).toEqual(['linen-shirt', 'ceramic-mug']);
    expect(errors).toEqual([
      { line: 11, message: 'the row has 27 cells but the header has 48; a comma or quote is probably missing or out of place' },
      { line: 12, message: 'the first row of product "wool-beanie" has no title' },
    ]);
  });

  it('refuses a file without a required column in one sentence naming it', async () => {
    const error = await refusal('shopify-missing-title.csv');
    expect(error.message).toBe('This Shopify product CSV has no "Title" column, which every product needs; export the products again from Shopify (Products → Export).');
  });

  it('refuses a Merchant feed read as Shopify', async () => {
    expect((await refusal('merchant-feed.tsv', { format: 'shopify' })).message).toMatch(/not a Shopify product CSV/);
  });
});

describe('Merchant Center feeds', () => {
  const expectedFeed = [
    ['NL-TR2', 'NL-TR2-42', '129.95', 'USD', 'in_stock'],
    ['NL-TR2', 'NL-TR2-43', '129.95', 'USD', 'out_of_stock'],
    ['HK-MUG-01', 'HK-MUG-01', '24.00', 'USD', 'in_stock'],
    ['ME-LB-CB', 'ME-LB-CB', '8.00', 'EUR', 'preorder'],
    ['KC-BN-CHR', 'KC-BN-CHR', '1299.00', 'JPY', 'backorder'],
  ];
  const summary = (products: CatalogProduct[]) => products.map((p) => [p.key, p.variants[0]?.sku, p.price?.amount, p.price?.currency, p.availability]);

  it('reads a TSV feed; items sharing an item_group_id are variants of one product', async () => {
    const { products, errors, info } = await read('merchant-feed.tsv');
    expect(errors).toEqual([]);
    expect(info.format).toBe('gmc-tsv');
    expect(summary(products)).toEqual(expectedFeed);
    expect(products[0]).toMatchObject({ source: 'merchant', sku: null, brand: 'Northline', gtin: '4006381333931', mpn: 'NL-TR2', link: 'https://shop.example.com/products/trail-runner-2?variant=42' });
    expect(products[0]?.variants[0]?.options).toEqual([{ name: 'size', value: '42' }]);
    expect(products[4]?.description).toBe('Rib knit "watch cap" in 100% merino.');
  });

  it('reads the same feed as RSS XML with the g: namespace, and an Atom feed', async () => {
    const { products, errors, info } = await read('merchant-feed.xml');
    expect(errors).toEqual([]);
    expect(info).toMatchObject({ format: 'gmc-xml', warnings: [] });
    expect(summary(products)).toEqual(expectedFeed);
    expect(products.map((p) => p.line)).toEqual([7, 27, 42, 56, 68]);
    expect(products[2]).toMatchObject({ title: 'Speckled Stoneware Mug 350 ml', description: 'Hand-thrown stoneware, dishwasher safe.', imageUrl: 'https://shop.example.com/img/mug.jpg' });
    const atom = await read('merchant-atom.xml');
    expect(atom.products).toMatchObject([{ key: 'ATOM-1', link: 'https://shop.example.com/products/candle', price: { amount: '32.00', currency: 'USD' }, brand: 'Hollow Kiln' }]);
  });

  it('reports bad prices, bad availability, missing ids and duplicates by line; the rest is read', async () => {
    const { products, errors, info } = await read('merchant-broken.tsv');
    expect(info.encoding.bom).toBe(true);
    expect(errors).toEqual([
      { line: 3, message: 'item "BAD-PRICE": price "twelve dollars" is not an amount with an optional 3-letter currency (like "19.99 USD")' },
      { line: 4, message: 'item "NO-CURRENCY": price "12.00" has no currency (write it like "19.99 USD")' },
      { line: 5, message: 'the row has 29 cells but the header has 21; a tab or quote is probably missing or out of place' },
      { line: 6, message: 'item "BAD-AVAIL": availability "maybe" is not one of in_stock, out_of_stock, preorder, backorder' },
      { line: 7, message: 'the item has no id' },
      { line: 8, message: 'item "NO-TITLE" has no title' },
      { line: 11, message: 'item "HK-MUG-01" is a duplicate of the item on line 9; skipped' },
    ]);
    expect(products.map((p) => [p.line, p.variants[0]?.sku])).toEqual([
      [2, 'NL-TR2-42'],
      [9, 'HK-MUG-01'],
      [10, 'NL-TR2-43'],
      [12, 'KC-BN-RST'],
    ]);
  });

  it('keeps every complete item of a truncated XML file and names the item it was cut in', async () => {
    const { products, errors, info } = await read('merchant-truncated.xml');
    expect(products.map((p) => p.key)).toEqual(['NL-TR2', 'ME-LB-CB']);
    expect(errors).toEqual([
      { line: 29, message: "the <item> is not well-formed XML: Expected closing tag 'b' (opened in line 3, col 23) instead of closing tag 'title'." },
      { line: 32, message: 'item "HK-MUG-01": price "abc" is not a number with a dot for decimals (like "19.99")' },
      { line: 58, message: 'the file ends inside the item that starts on line 58: it is truncated, and that item was not imported' },
    ]);
    expect(info.warnings).toContain('The XML file ends before its closing </rss> or </feed>: it may be truncated.');
  });

  it('refuses a feed without required columns in one sentence naming them', async () => {
    expect((await refusal('merchant-missing-columns.tsv')).message).toBe(
      'This Merchant Center feed has no "availability" or "price" column, which Google requires for every product; add them and import again.',
    );
  });
});

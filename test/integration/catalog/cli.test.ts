// `stoa catalog` as an agency scripts it: a real child process, a real workspace folder, real files.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/runCli.ts';
import { useTempDir } from '../../support/tempDir.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/catalog');
const tempDir = useTempDir();

describe('stoa catalog', () => {
  it('imports with --json, reports row errors by line, merges a re-import, lists and searches', async () => {
    const dataDir = tempDir();
    const first = await runCli(['catalog', 'import', join(FIXTURES, 'shopify-broken.csv'), '--data-dir', dataDir, '--json']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const result = JSON.parse(first.stdout) as { imported: number; updated: number; errors: { line: number; message: string }[]; failure: string | null };
    expect(result).toMatchObject({ imported: 4, updated: 0, failure: null });
    expect(result.errors.map((e) => e.line)).toEqual([2, 5, 6, 7, 8, 9, 10, 11, 13, 14]);
    expect(result.errors[1]).toEqual({ line: 5, message: 'variant of "enamel-pin" skipped: price "-9.00" is negative' });

    const again = await runCli(['catalog', 'import', join(FIXTURES, 'shopify-broken.csv'), '--format', 'shopify', '--data-dir', dataDir, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 0, updated: 4 });

    const listed = await runCli(['catalog', 'list', '--data-dir', dataDir, '--json']);
    const list = JSON.parse(listed.stdout) as { total: number; products: { title: string }[] };
    expect(list.total).toBe(4);
    expect(list.products.map((p) => p.title)).toEqual(['Canvas Tote', 'Enamel Pin', 'Field Notes', 'Soy Candle']);

    const found = await runCli(['catalog', 'search', 'CNDL', '--data-dir', dataDir]);
    expect(found.code).toBe(0);
    expect(found.stdout).toMatch(/\tCNDL\t32\.00 USD\tin_stock\tSoy Candle\n1 of 1\n$/);
  });

  it('exits 1 with one sentence when the file is refused, and 2 for a missing file', async () => {
    const dataDir = tempDir();
    const refused = await runCli(['catalog', 'import', join(FIXTURES, 'shopify-missing-title.csv'), '--data-dir', dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('stoa: Line 1: This Shopify product CSV has no "Title" column, which every product needs; export the products again from Shopify (Products → Export).\n');
    expect(refused.stdout).toBe('shopify: 0 imported, 0 updated, 0 rows with errors\n');
    const missing = await runCli(['catalog', 'import', join(dataDir, 'nope.csv'), '--data-dir', dataDir, '--json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`stoa: There is no file at ${join(dataDir, 'nope.csv')}.\n`);
    const badFormat = await runCli(['catalog', 'import', 'x.csv', '--format', 'excel']);
    expect(badFormat.code).not.toBe(0);
    expect(badFormat.stderr).toMatch(/a format is one of shopify, gmc-tsv, gmc-xml/);
  });

  it('takes --shop-domain for a Shopify CSV, and refuses one that is not a domain before writing anything', async () => {
    const linked = await runCli(['catalog', 'import', join(FIXTURES, 'shopify-export.csv'), '--shop-domain', 'example.com', '--data-dir', tempDir(), '--json']);
    expect(linked.stderr).toBe('');
    expect(JSON.parse(linked.stdout)).toMatchObject({ status: 'done', imported: 3, failure: null });
    const refused = await runCli(['catalog', 'import', join(FIXTURES, 'shopify-export.csv'), '--shop-domain', 'not a domain', '--data-dir', tempDir()]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('stoa: "not a domain" is not a shop domain: give the shop\'s address like example.com or myshop.myshopify.com.\n');
  });
});

// `stoa post` as an agency's script runs it, on a real SQLite workspace: catalog and media imported
// with their own commands, a carousel created with tags by SKU, validate reports the failed rules
// (exit 1), the caption and the crop are fixed with `post update`, and validate says ok (exit 0).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTag } from '../../../src/cli/commands/post.ts';
import { photo } from '../media/images.ts';
import { runCli } from '../../support/runCli.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir('stoa-post-cli-');
const SHOPIFY = join(import.meta.dirname, '../../fixtures/catalog/shopify-export.csv');

interface Summary {
  id: string;
  state: string;
  ok: boolean;
  violations: { rule: string; limit: number | string; actual: number | string; source: string }[];
  findings: { id: string; jurisdiction: string; fixes: { label: string }[] }[];
}

const hashtags = (n: number) => Array.from({ length: n }, (_, i) => `#look${i}`).join(' ');

describe('stoa post', () => {
  it('parses PRODUCT@X,Y[:MEDIA_INDEX], the product being everything before the last @', () => {
    expect(parseTag('LS-M-NAT@0.3,0.4')).toEqual({ productId: 'LS-M-NAT', x: 0.3, y: 0.4, mediaIndex: 0 });
    expect(parseTag('team@shop@1,0:2')).toEqual({ productId: 'team@shop', x: 1, y: 0, mediaIndex: 2 });
    expect(() => parseTag('LS-M-NAT@1.5,0.4')).toThrow(/0\.\.1/);
    expect(() => parseTag('LS-M-NAT')).toThrow(/PRODUCT@X,Y/);
  });

  it('creates a carousel, validates (not ok), fixes the caption, validates ok', async () => {
    const dir = tempDir();
    const dataDir = join(dir, 'workspace');
    writeFileSync(join(dir, 'a.jpg'), await photo(1080, 1350));
    writeFileSync(join(dir, 'b.jpg'), await photo(1000, 1500));
    expect((await runCli(['catalog', 'import', SHOPIFY, '--data-dir', dataDir, '--json'], { timeoutMs: 60_000 })).code).toBe(0);
    const media = await runCli(['media', 'import', join(dir, 'a.jpg'), join(dir, 'b.jpg'), '--data-dir', dataDir, '--json'], { timeoutMs: 60_000 });
    expect(media.code).toBe(0);
    const [a, b] = (JSON.parse(media.stdout) as { imported: { id: string }[] }).imported.map((i) => i.id);

    const caption = `Weekend uniform: the linen shirt and a mug of something hot. Get yours https://www.amazon.com/dp/B0C9?tag=kestrel-20 ${hashtags(31)}`;
    const create = await runCli(['post', 'create', '--target', 'instagram', '--media', String(a), '--media', String(b), '--caption', caption, '--tag', 'LS-M-NAT@0.3,0.4', '--tag', 'MUG-SPK@0.6,0.5:1', '--data-dir', dataDir, '--json'], { timeoutMs: 60_000 });
    expect(create.stderr).toBe('');
    expect(create.code).toBe(0);
    const created = JSON.parse(create.stdout) as Summary;
    expect(created).toMatchObject({ state: 'draft', ok: false });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);

    const validate = await runCli(['post', 'validate', created.id, '--data-dir', dataDir, '--json', '--jurisdiction', 'ftc']);
    expect(validate.code).toBe(1);
    const report = JSON.parse(validate.stdout) as Summary;
    expect(report.ok).toBe(false);
    expect(report.violations.map((v) => [v.rule, v.limit, v.actual])).toEqual([
      ['instagram.caption.hashtags_max', 30, 31],
      ['instagram.image.aspect_ratio', '0.8..1.91', '0.667'],
    ]);
    expect(report.violations[0]?.source).toBe('../shared/RULES.md › Platform limits for publishing › Instagram (Graph API, Business accounts)');
    expect(report.findings.map((f) => [f.jurisdiction, f.id, f.fixes[0]?.label])).toEqual([['ftc', 'disclosure.missing', 'Add #ad at the start']]);

    // "#ad" is a hashtag too: two of the 31 go to make room for it.
    const update = await runCli(['post', 'update', created.id, '--caption', `#ad ${caption.replace(' #look29 #look30', '')}`, '--media', String(a), '--media', String(b), '--crop', 'original', '--crop', 'instagram_portrait', '--data-dir', dataDir, '--json']);
    expect(update.code).toBe(0);
    expect(JSON.parse(update.stdout)).toMatchObject({ id: created.id, state: 'valid', revision: 2, ok: true, violations: [], findings: [] });

    const again = await runCli(['post', 'validate', created.id, '--data-dir', dataDir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('ok\n');

    const tagged = await runCli(['post', 'show', created.id, '--data-dir', dataDir]);
    expect((JSON.parse(tagged.stdout) as { productTags: { sku: string; mediaIndex: number; x: number; y: number }[] }).productTags).toEqual([
      expect.objectContaining({ sku: 'LS-S-NAT', mediaIndex: 0, x: 0.3, y: 0.4 }),
      expect.objectContaining({ sku: 'MUG-SPK', mediaIndex: 1, x: 0.6, y: 0.5 }),
    ]);
  });

  it('says which product the catalog lacks, with exit status 2', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.jpg'), await photo(1080, 1080));
    const dataDir = join(dir, 'workspace');
    const media = await runCli(['media', 'import', join(dir, 'a.jpg'), '--data-dir', dataDir, '--json'], { timeoutMs: 60_000 });
    const id = (JSON.parse(media.stdout) as { imported: { id: string }[] }).imported[0]?.id ?? '';
    const run = await runCli(['post', 'create', '--target', 'instagram', '--media', id, '--caption', 'hi', '--tag', 'NOPE-1@0.5,0.5', '--data-dir', dataDir, '--json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('stoa: The catalog has no product with id or SKU NOPE-1: import the catalog first (stoa catalog import).\n');
  });
});

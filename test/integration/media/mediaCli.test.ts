// `stoa media import` and `stoa media list` as a script would run them: one JSON object, ids for
// each imported file, per-file errors, exit code 1 when any file was refused.
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/runCli.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { photo, rotatedJpegWithGps } from './images.ts';

const tempDir = useTempDir('stoa-media-cli-');

interface ImportReport {
  imported: { file: string; id: string; duplicate: boolean; width: number; height: number; renditions: { target: string; width: number; height: number }[] }[];
  errors: { file: string; message: string }[];
}

describe('stoa media', () => {
  it('imports several files, reports the bad one, and lists what went in', async () => {
    const dir = tempDir();
    const dataDir = join(dir, 'workspace');
    writeFileSync(join(dir, 'a.jpg'), await rotatedJpegWithGps(1200, 800));
    writeFileSync(join(dir, 'b.webp'), await photo(900, 900, 'webp'));
    writeFileSync(join(dir, 'c.png'), 'this is text, not a PNG');
    // Sparse: 60 MB on paper, refused from its size before it is read.
    writeFileSync(join(dir, 'huge.jpg'), '');
    truncateSync(join(dir, 'huge.jpg'), 60 * 1024 * 1024);

    const run = await runCli(['media', 'import', join(dir, 'a.jpg'), join(dir, 'b.webp'), join(dir, 'c.png'), join(dir, 'huge.jpg'), '--data-dir', dataDir, '--json'], { timeoutMs: 60_000 });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as ImportReport;
    expect(report.imported.map((i) => [i.file, i.width, i.height, i.duplicate])).toEqual([
      [join(dir, 'a.jpg'), 800, 1200, false],
      [join(dir, 'b.webp'), 900, 900, false],
    ]);
    expect(report.imported[0]?.renditions.map((r) => `${r.target} ${r.width}×${r.height}`)).toEqual([
      'instagram_square 800×800',
      'instagram_portrait 800×1000',
      'instagram_landscape 800×419',
      'pinterest_pin 800×1200',
    ]);
    expect(report.errors).toEqual([
      { file: join(dir, 'c.png'), message: 'c.png is not a JPEG, PNG or WebP image.' },
      { file: join(dir, 'huge.jpg'), message: `${join(dir, 'huge.jpg')} is 60.0 MB; Stoa imports images up to 50 MB.` },
    ]);

    const list = await runCli(['media', 'list', '--data-dir', dataDir, '--json']);
    expect(list.code).toBe(0);
    const listed = JSON.parse(list.stdout) as { total: number; assets: { id: string }[] };
    expect(listed.total).toBe(2);
    expect(listed.assets.map((a) => a.id).sort()).toEqual(report.imported.map((i) => i.id).sort());

    const again = await runCli(['media', 'import', join(dir, 'b.webp'), '--data-dir', dataDir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`${report.imported[1]?.id}\t${join(dir, 'b.webp')}\twebp 900×900\t(already in the library)\n`);
  });
});

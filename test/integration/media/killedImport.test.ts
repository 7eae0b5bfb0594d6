// Killed mid-import, again and again: every file that carries a final name is whole (its name is
// the sha256 of its bytes), every record points at files that exist, and a clean run afterwards
// finishes the job once.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/store/open.ts';
import { runCli, STOA_BIN } from '../../support/runCli.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir('stoa-media-kill-');

function killAfter(args: string[], ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [STOA_BIN, ...args], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('media import killed with SIGKILL', () => {
  it('leaves only whole, content-addressed files and consistent records', async () => {
    const dir = tempDir();
    const dataDir = join(dir, 'workspace');
    const files: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const file = join(dir, `photo-${i}.jpg`);
      writeFileSync(file, await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 120 + i, sigma: 40 } } }).jpeg({ quality: 92 }).toBuffer());
      files.push(file);
    }
    const args = ['media', 'import', ...files, '--data-dir', dataDir, '--json'];
    // Spread over start-up, the checks, the stored copy and the renditions of each file.
    for (const ms of [1500, 2500, 3500, 4500, 6000]) await killAfter(args, ms);

    const mediaDir = join(dataDir, 'media');
    const named = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((n) => !n.startsWith('.') && n.includes('.')) : []);
    for (const folder of [mediaDir, join(mediaDir, 'renditions')]) {
      for (const name of named(folder)) expect(sha256(join(folder, name)), `${folder}/${name}`).toBe(name.split('.')[0]);
    }
    // Thumbnails are named after their image, not their own bytes: whole means they decode.
    for (const name of named(join(mediaDir, 'thumbnails'))) {
      await expect(sharp(join(mediaDir, 'thumbnails', name), { failOn: 'warning' }).raw().toBuffer()).resolves.toBeInstanceOf(Buffer);
    }

    const finished = await runCli(args, { timeoutMs: 90_000 });
    expect(finished.code, finished.stderr).toBe(0);
    const report = JSON.parse(finished.stdout) as { imported: { id: string }[]; errors: unknown[] };
    expect(report.imported).toHaveLength(3);
    const db = openDatabase(join(dataDir, 'workspace.sqlite'));
    try {
      expect(db.prepare('SELECT COUNT(*) FROM media_assets').pluck().get()).toBe(3);
      const referenced = db.prepare("SELECT file FROM media_assets UNION ALL SELECT thumbnail_file FROM media_assets UNION ALL SELECT file FROM media_renditions").pluck().all() as string[];
      expect(referenced).toHaveLength(3 * 6);
      for (const file of referenced) expect(existsSync(join(mediaDir, file)), file).toBe(true);
      expect(db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'media.import'").pluck().get()).toBe(3);
    } finally {
      db.close();
    }
  }, 180_000);
});

// Files appear whole or not at all: a failed rename leaves no temporary file, and a second write
// of a content-addressed name is a no-op.
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleTemporaries, STALE_TEMPORARY_MS, writeFileAtomic } from '../../../src/media/atomicWrite.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir('stoa-atomic-');

describe('writeFileAtomic', () => {
  it('writes a new file, creating its folder, and leaves no temporary file', async () => {
    const dir = tempDir();
    const file = join(dir, 'renditions', 'abc.jpg');
    expect(await writeFileAtomic(file, Buffer.from('pixels'))).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('pixels');
    expect(readdirSync(join(dir, 'renditions'))).toEqual(['abc.jpg']);
  });

  it('does not rewrite a content-addressed file that already exists', async () => {
    const dir = tempDir();
    const file = join(dir, 'same.png');
    writeFileSync(file, 'first');
    expect(await writeFileAtomic(file, Buffer.from('second'))).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('first');
  });

  it('removes its temporary file when writing fails after it was opened', async () => {
    const dir = tempDir();
    // Not bytes at all: the write into the opened temporary file throws.
    const notBytes = { length: 3 } as unknown as Uint8Array;
    const failure = await writeFileAtomic(join(dir, 'broken.jpg'), notBytes).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('clears temporary files a killed write left behind, but not young ones that may be in flight', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'renditions'));
    const stale = join(dir, 'renditions', '.abc.jpg.0123456789ab.tmp');
    const young = join(dir, 'renditions', '.def.jpg.ba9876543210.tmp');
    const unrelated = join(dir, 'renditions', 'abc.jpg');
    for (const file of [stale, young, unrelated]) writeFileSync(file, 'x');
    const old = (Date.now() - STALE_TEMPORARY_MS - 60_000) / 1000;
    utimesSync(stale, old, old);
    utimesSync(unrelated, old, old);
    expect(await removeStaleTemporaries([dir, join(dir, 'renditions'), join(dir, 'missing')], Date.now())).toBe(1);
    expect(readdirSync(join(dir, 'renditions')).sort()).toEqual(['.def.jpg.ba9876543210.tmp', 'abc.jpg']);
  });
});

// Staged uploads: parts append in order, the cap holds across parts, ids are checked, abandoned
// uploads are cleared when a new one starts.
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, MediaRefusedError, UnknownUploadError, appendUploadPart, takeUpload } from '../../../src/media/index.ts';
import { ABANDONED_UPLOAD_MS } from '../../../src/media/uploads.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir('stoa-uploads-');

describe('staged uploads', () => {
  it('appends parts in order and hands the whole file over once', async () => {
    const dir = tempDir();
    const first = await appendUploadPart(dir, undefined, Buffer.from('hello '));
    const second = await appendUploadPart(dir, first.uploadId, Buffer.from('world'));
    expect(second).toEqual({ uploadId: first.uploadId, receivedBytes: 11 });
    expect((await takeUpload(dir, first.uploadId)).toString()).toBe('hello world');
    await expect(takeUpload(dir, first.uploadId)).rejects.toBeInstanceOf(UnknownUploadError);
  });

  it('refuses an upload that grows past the byte cap and drops what it staged', async () => {
    const dir = tempDir();
    const { uploadId } = await appendUploadPart(dir, undefined, Buffer.alloc(MAX_IMPORT_BYTES - 10));
    await expect(appendUploadPart(dir, uploadId, Buffer.alloc(11))).rejects.toBeInstanceOf(MediaRefusedError);
    expect(readdirSync(join(dir, 'uploads'))).toEqual([]);
  });

  it('refuses ids it did not issue, path tricks included', async () => {
    const dir = tempDir();
    await expect(appendUploadPart(dir, '../../workspace.sqlite', Buffer.from('x'))).rejects.toBeInstanceOf(UnknownUploadError);
    await expect(appendUploadPart(dir, 'a'.repeat(32), Buffer.from('x'))).rejects.toBeInstanceOf(UnknownUploadError);
  });

  it('removes abandoned uploads when a new upload starts', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'uploads'));
    const stale = join(dir, 'uploads', `${'b'.repeat(32)}.part`);
    writeFileSync(stale, 'half a photo');
    const old = (Date.now() - ABANDONED_UPLOAD_MS - 60_000) / 1000;
    utimesSync(stale, old, old);
    const fresh = await appendUploadPart(dir, undefined, Buffer.from('x'));
    expect(existsSync(stale)).toBe(false);
    expect(readdirSync(join(dir, 'uploads'))).toEqual([`${fresh.uploadId}.part`]);
  });
});

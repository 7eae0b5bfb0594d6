// Files appear whole or not at all: write a temporary file in the same folder, fsync it, rename it
// over the final name (atomic on one file system), then fsync the folder so the rename survives a
// crash. Content-addressed names make a second write of the same bytes a no-op.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Writes `bytes` to `file` atomically; returns false when the file already existed (nothing written). */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<boolean> {
  if (existsSync(file)) return false;
  const folder = dirname(file);
  await mkdir(folder, { recursive: true });
  const temporary = join(folder, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(folder);
  return true;
}

async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a directory for fsync; there the rename is already durable enough.
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

// Files appear whole or not at all: write a temporary file in the same folder, fsync it, rename it
// over the final name (atomic on one file system), then fsync the folder so the rename survives a
// crash. Content-addressed names make a second write of the same bytes a no-op.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
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

/** A temporary file this old belongs to a write that died (a killed process); younger ones may be in flight. */
export const STALE_TEMPORARY_MS = 60 * 60 * 1000;

const TEMPORARY = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** Removes temporary files that killed writes left in these folders; returns how many. */
export async function removeStaleTemporaries(folders: readonly string[], now: number): Promise<number> {
  let removed = 0;
  for (const folder of folders) {
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names.filter((n) => TEMPORARY.test(n))) {
      const file = join(folder, name);
      const modified = await stat(file).then((s) => s.mtimeMs, () => null);
      if (modified !== null && now - modified > STALE_TEMPORARY_MS) {
        await rm(file, { force: true });
        removed += 1;
      }
    }
  }
  return removed;
}

// The sweep at workspace open: what a killed process left in the media folder. An import writes
// its files before the row that names them, and a delete removes the row before the files, so a
// kill at the wrong moment leaves content-addressed files no row names, temporary files of a write
// cut short, and staged uploads never imported. Only files older than a grace period go: a younger
// one may belong to an import still running in another process (the CLI and the app can share a
// workspace). Uses the file system only, so opening a workspace does not load sharp.
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { removeStaleTemporaries, STALE_TEMPORARY_MS } from './atomicWrite.ts';
import { removeAbandoned } from './uploads.ts';

/** Folders under the media folder whose files are named by content (or by their image's content). */
const CONTENT_FOLDERS = ['', 'thumbnails', 'renditions'] as const;
/** A content-addressed name: a sha256 and an extension. */
const CONTENT_NAME = /^[0-9a-f]{64}\.[a-z]+$/;

export interface SweepResult {
  readonly orphans: number;
  readonly temporaries: number;
  readonly uploads: number;
}

/**
 * Removes content-addressed files not in `referenced` (paths relative to the media folder, as the
 * rows store them) and last written more than STALE_TEMPORARY_MS before `now`, stale temporaries
 * and abandoned uploads.
 */
export async function sweepMediaFolder(mediaDir: string, referenced: ReadonlySet<string>, now: number): Promise<SweepResult> {
  let orphans = 0;
  for (const folder of CONTENT_FOLDERS) {
    const names = await readdir(join(mediaDir, folder)).catch(() => [] as string[]);
    for (const name of names) {
      const relative = folder === '' ? name : `${folder}/${name}`;
      if (!CONTENT_NAME.test(name) || referenced.has(relative)) continue;
      const file = join(mediaDir, relative);
      const modified = await stat(file).then((s) => (s.isFile() ? s.mtimeMs : null), () => null);
      if (modified !== null && now - modified > STALE_TEMPORARY_MS) {
        await rm(file, { force: true });
        orphans += 1;
      }
    }
  }
  const temporaries = await removeStaleTemporaries(CONTENT_FOLDERS.map((f) => join(mediaDir, f)), now);
  const uploads = await removeAbandoned(mediaDir, now);
  return { orphans, temporaries, uploads };
}

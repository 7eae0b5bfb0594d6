// Large files reach the backend in parts: the browser-mode server caps a request body at 1 MB, so
// the UI sends base64 parts of a few hundred KB and then imports the staged upload by its id. Parts
// are appended to one file under uploads/; the import reads it and deletes it.
import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { formatMegabytes, MAX_IMPORT_BYTES } from './limits.ts';
import { MediaRefusedError } from './refusal.ts';

export class UnknownUploadError extends Error {
  constructor(uploadId: string) {
    super(`There is no upload with id ${uploadId}; start the upload again.`);
    this.name = 'UnknownUploadError';
  }
}

const UPLOAD_ID = /^[0-9a-f]{32}$/;

/** An upload untouched this long was abandoned (a closed window, a crash): its part file is removed. */
export const ABANDONED_UPLOAD_MS = 24 * 60 * 60 * 1000;

function uploadFile(mediaDir: string, uploadId: string): string {
  if (!UPLOAD_ID.test(uploadId)) throw new UnknownUploadError(uploadId);
  return join(mediaDir, 'uploads', `${uploadId}.part`);
}

async function sizeOf(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch {
    return null;
  }
}

/** Appends a part; without an id, starts a new upload. Returns the id and the bytes staged so far. */
export async function appendUploadPart(mediaDir: string, uploadId: string | undefined, part: Buffer): Promise<{ uploadId: string; receivedBytes: number }> {
  if (uploadId === undefined) await removeAbandoned(mediaDir, Date.now());
  const id = uploadId ?? randomBytes(16).toString('hex');
  const file = uploadFile(mediaDir, id);
  const before = await sizeOf(file);
  if (uploadId !== undefined && before === null) throw new UnknownUploadError(uploadId);
  const total = (before ?? 0) + part.length;
  if (total > MAX_IMPORT_BYTES) {
    await rm(file, { force: true });
    throw new MediaRefusedError('too_large', `The file is larger than ${formatMegabytes(MAX_IMPORT_BYTES)}, the most Stoa imports.`);
  }
  await mkdir(join(mediaDir, 'uploads'), { recursive: true });
  await appendFile(file, part, { mode: 0o600 });
  return { uploadId: id, receivedBytes: total };
}

/** The staged bytes of an upload, removed from staging. */
export async function takeUpload(mediaDir: string, uploadId: string): Promise<Buffer> {
  const file = uploadFile(mediaDir, uploadId);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new UnknownUploadError(uploadId);
  }
  await rm(file, { force: true });
  return bytes;
}

/** Removes staged uploads last written more than ABANDONED_UPLOAD_MS before `now`. */
export async function removeAbandoned(mediaDir: string, now: number): Promise<number> {
  const folder = join(mediaDir, 'uploads');
  const names = await readdir(folder).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const file = join(folder, name);
    const modified = await stat(file).then((s) => s.mtimeMs, () => null);
    if (modified !== null && now - modified > ABANDONED_UPLOAD_MS) {
      await rm(file, { force: true });
      removed += 1;
    }
  }
  return removed;
}

// Post exports reach the backend from a web page in parts when they are larger than one request
// may be (the browser-mode server caps a body at 1 MB): each base64 part is appended to one staging
// file under compliance-uploads/, and compliance.posts.import then reads it (as UTF-8 text) and
// removes it. Parts of an upload nobody finished are removed after a day, when a new one starts.
import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The most text compliance.posts.import reads (its inline `text` takes as much). */
export const POST_EXPORT_MAX_BYTES = 50_000_000;
const ABANDONED_MS = 24 * 60 * 60 * 1000;
const UPLOAD_ID = /^[0-9a-f]{32}$/;

export class PostUploadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PostUploadError';
  }
}

const dirOf = (dataDir: string): string => join(dataDir, 'compliance-uploads');
const unknown = (id: string) => new PostUploadError(`There is no post-export upload with id ${id}; start the upload again.`);

function fileOf(dataDir: string, uploadId: string): string {
  if (!UPLOAD_ID.test(uploadId)) throw unknown(uploadId);
  return join(dirOf(dataDir), `${uploadId}.part`);
}

async function sizeOf(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch {
    return null;
  }
}

async function removeAbandoned(dataDir: string, nowMs: number): Promise<void> {
  const names = await readdir(dirOf(dataDir)).catch(() => [] as string[]);
  for (const name of names) {
    const file = join(dirOf(dataDir), name);
    const s = await stat(file).catch(() => null);
    if (s && nowMs - s.mtimeMs > ABANDONED_MS) await rm(file, { force: true });
  }
}

/** Appends a part; without an id, starts a new upload. */
export async function appendPostUpload(dataDir: string, uploadId: string | undefined, part: Buffer): Promise<{ uploadId: string; receivedBytes: number }> {
  if (uploadId === undefined) await removeAbandoned(dataDir, Date.now());
  const id = uploadId ?? randomBytes(16).toString('hex');
  const file = fileOf(dataDir, id);
  const before = await sizeOf(file);
  if (uploadId !== undefined && before === null) throw unknown(uploadId);
  const total = (before ?? 0) + part.length;
  if (total > POST_EXPORT_MAX_BYTES) {
    await rm(file, { force: true });
    throw new PostUploadError(`The export is larger than ${POST_EXPORT_MAX_BYTES / 1_000_000} MB, the most Stoa reads from the app; split it, or use stoa audit import-posts FILE.`);
  }
  await mkdir(dirOf(dataDir), { recursive: true, mode: 0o700 });
  await appendFile(file, part, { mode: 0o600 });
  return { uploadId: id, receivedBytes: total };
}

/** The staged export's text; the staging file is removed once read. */
export async function takePostUpload(dataDir: string, uploadId: string): Promise<string> {
  const file = fileOf(dataDir, uploadId);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw unknown(uploadId);
  }
  await rm(file, { force: true });
  return bytes.toString('utf8');
}

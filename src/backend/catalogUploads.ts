// Catalog files reach the backend from a web page in parts (the browser-mode server caps a request
// body at 1 MB): each base64 part is appended to one staging file under catalog-uploads/, and the
// import then streams that file, so even a large feed never sits whole in memory.
import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CATALOG_MAX_IMPORT_BYTES } from '../core/catalog.ts';

export class CatalogUploadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogUploadError';
  }
}

const UPLOAD_ID = /^[0-9a-f]{32}$/;
const megabytes = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;

export function catalogUploadFile(dataDir: string, uploadId: string): string {
  if (!UPLOAD_ID.test(uploadId)) throw new CatalogUploadError(`There is no catalog upload with id ${uploadId}; start the upload again.`);
  return join(dataDir, 'catalog-uploads', `${uploadId}.part`);
}

async function sizeOf(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch {
    return null;
  }
}

/** Appends a part; without an id, starts a new upload. */
export async function appendCatalogUpload(dataDir: string, uploadId: string | undefined, part: Buffer): Promise<{ uploadId: string; receivedBytes: number }> {
  const id = uploadId ?? randomBytes(16).toString('hex');
  const file = catalogUploadFile(dataDir, id);
  const before = await sizeOf(file);
  if (uploadId !== undefined && before === null) throw new CatalogUploadError(`There is no catalog upload with id ${uploadId}; start the upload again.`);
  const total = (before ?? 0) + part.length;
  if (total > CATALOG_MAX_IMPORT_BYTES) {
    await rm(file, { force: true });
    throw new CatalogUploadError(`The file is larger than ${megabytes(CATALOG_MAX_IMPORT_BYTES)}, the most Stoa imports from the app; use stoa catalog import FILE.`);
  }
  await mkdir(join(dataDir, 'catalog-uploads'), { recursive: true, mode: 0o700 });
  await appendFile(file, part, { mode: 0o600 });
  return { uploadId: id, receivedBytes: total };
}

export async function assertCatalogUpload(dataDir: string, uploadId: string): Promise<string> {
  const file = catalogUploadFile(dataDir, uploadId);
  if ((await sizeOf(file)) === null) throw new CatalogUploadError(`There is no catalog upload with id ${uploadId}; start the upload again.`);
  return file;
}

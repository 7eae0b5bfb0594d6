// Puts a rendition on the workspace's public media host and returns the address Instagram fetches.
// Content-addressed (`<sha256>.<ext>`): a HEAD first skips bytes the host already has, so a retried
// publish uploads nothing twice, and the same picture in two posts is stored once. Plain HTTP PUT
// works with presigned-style S3/R2/GCS buckets and WebDAV/nginx `dav_methods PUT` hosts.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { MediaHostConfig } from './mediaHostConfig.ts';

const TIMEOUT_MS = 60_000;
const CONTENT_TYPES: Readonly<Record<string, string>> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

export type HostedImage =
  | { readonly ok: true; readonly url: string; readonly uploaded: boolean }
  /** retryable: the host was down or refused for now (5xx, 429, no answer); try the publish later. */
  | { readonly ok: false; readonly reason: string; readonly retryable: boolean };

type Fetch = typeof globalThis.fetch;

export async function hostImage(host: MediaHostConfig, file: string, fetch: Fetch = globalThis.fetch): Promise<HostedImage> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return { ok: false, reason: `The image file ${file} is missing from the workspace.`, retryable: false };
  }
  const ext = extname(file).slice(1).toLowerCase();
  const contentType = CONTENT_TYPES[ext];
  if (!contentType) return { ok: false, reason: `The image ${file} is not a JPEG, PNG or WebP file.`, retryable: false };
  const name = `${createHash('sha256').update(bytes).digest('hex')}.${ext === 'jpeg' ? 'jpg' : ext}`;
  const target = `${host.uploadUrl}/${name}`;
  const auth: Record<string, string> = host.token ? { authorization: `Bearer ${host.token}` } : {};
  const where = new URL(host.uploadUrl).host;
  const answer = async (method: 'HEAD' | 'PUT') => {
    try {
      const init = method === 'PUT' ? { method, headers: { ...auth, 'content-type': contentType, 'content-length': String(bytes.length) }, body: bytes } : { method, headers: auth };
      return await fetch(target, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch {
      return null;
    }
  };
  const down = (status: number | null): HostedImage => ({
    ok: false,
    reason: status === null ? `The media host ${where} did not answer; the post will be sent when it does.` : `The media host ${where} answered ${status} to the upload; the post will be sent when it accepts it.`,
    retryable: true,
  });
  const refused = (status: number): HostedImage => ({
    ok: false,
    reason: `The media host ${where} refused the upload (${status}${status === 401 || status === 403 ? ': check the token in Settings → Publishing' : ''}).`,
    retryable: false,
  });
  const head = await answer('HEAD');
  if (head === null) return down(null);
  const url = `${host.publicBase}/${name}`;
  if (head.ok) return { ok: true, url, uploaded: false };
  // 404 (and 403 from buckets that hide missing keys) means "not there yet": upload it.
  if (head.status >= 500 || head.status === 429) return down(head.status);
  const put = await answer('PUT');
  if (put === null) return down(null);
  await put.body?.cancel();
  if (put.ok) return { ok: true, url, uploaded: true };
  return put.status >= 500 || put.status === 429 || put.status === 408 ? down(put.status) : refused(put.status);
}

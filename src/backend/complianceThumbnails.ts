// The media thumbnail a snapshot keeps: the post's first media that can be read right now — over
// HTTP(S) (a CDN URL as the platform gave it) or a local file: URL from an export — made into a
// small JPEG by the media room. Read before the snapshot is written, because a snapshot is
// immutable: once captured without a thumbnail it stays without one, and that is said, not hidden.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { PostContent } from '../compliance/postContent.ts';
import { evidenceThumbnail, MAX_IMPORT_BYTES } from '../media/index.ts';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

const TIMEOUT_MS = 8_000;

async function bytesOf(url: string, fetch: FetchLike): Promise<Buffer> {
  if (url.startsWith('file:')) return readFile(fileURLToPath(url));
  if (!/^https?:\/\//i.test(url)) throw new Error('not an http(s) or file: URL');
  const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_IMPORT_BYTES) throw new Error(`${declared} bytes is more than an image Stoa reads`);
  const body = Buffer.from(await response.arrayBuffer());
  if (body.length > MAX_IMPORT_BYTES) throw new Error(`${body.length} bytes is more than an image Stoa reads`);
  return body;
}

export interface CapturedThumbnail {
  readonly jpeg: Buffer | null;
  /** Why there is none (each media URL tried and what went wrong), null when there is one. */
  readonly problem: string | null;
}

export async function captureThumbnail(post: Pick<PostContent, 'mediaUrls'>, fetch: FetchLike = globalThis.fetch): Promise<CapturedThumbnail> {
  if (post.mediaUrls.length === 0) return { jpeg: null, problem: 'the post has no media URL' };
  const tried: string[] = [];
  for (const url of post.mediaUrls.slice(0, 3)) {
    try {
      return { jpeg: await evidenceThumbnail(await bytesOf(url, fetch), url), problem: null };
    } catch (error) {
      tried.push(`${url}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { jpeg: null, problem: `no media could be read (${tried.join('; ')})` };
}

/** Thumbnails for several posts, a few at a time (each may wait on a slow CDN). */
export async function captureThumbnails(posts: readonly Pick<PostContent, 'mediaUrls'>[], fetch: FetchLike = globalThis.fetch, concurrency = 4): Promise<CapturedThumbnail[]> {
  const out: CapturedThumbnail[] = new Array<CapturedThumbnail>(posts.length);
  let next = 0;
  const worker = async () => {
    while (next < posts.length) {
      const i = next++;
      const post = posts[i];
      if (post) out[i] = await captureThumbnail(post, fetch);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, posts.length) }, worker));
  return out;
}

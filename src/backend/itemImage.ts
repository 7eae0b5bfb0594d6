// The image of a community item (a customer's photo post), found in the item's raw platform
// payload and fetched over the network so the studio can import it. Platforms name it differently
// (Instagram media_url, Reddit preview images or a direct image link), so the known spellings are
// tried in order. A fetch that fails, is not an image or is too large is refused with a sentence.
import { MEDIA_MAX_IMPORT_BYTES } from '../core/mediaLimits.ts';

const FETCH_TIMEOUT_MS = 15_000;
const IMAGE_PATH = /\.(jpe?g|png|webp|heic|heif)$/i;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

function looksLikeImageUrl(url: string): boolean {
  try {
    return IMAGE_PATH.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/** The item's image URL, or null when the payload names none (a text post, a comment, a review). */
export function itemImageUrl(raw: unknown): string | null {
  if (!isRecord(raw)) return null;
  const mediaType = str(raw['media_type']);
  if (mediaType === 'VIDEO') return str(raw['thumbnail_url']);
  for (const key of ['media_url', 'image_url', 'full_picture']) {
    const found = str(raw[key]);
    if (found) return found;
  }
  // Reddit: preview.images[0].source.url, HTML-escaped (&amp;).
  const preview = raw['preview'];
  const first = isRecord(preview) && Array.isArray(preview['images']) ? (preview['images'][0] as unknown) : null;
  const source = isRecord(first) && isRecord(first['source']) ? str(first['source']['url']) : null;
  if (source) return source.replaceAll('&amp;', '&');
  const link = str(raw['url_overridden_by_dest']) ?? str(raw['url']);
  return link && looksLikeImageUrl(link) ? link : null;
}

export type FetchedImage = { readonly ok: true; readonly bytes: Buffer; readonly name: string } | { readonly ok: false; readonly reason: string };

/** Fetches at most the import cap; the caller imports the bytes with the media pipeline, which checks they are an image. */
export async function fetchItemImage(url: string, fetchFn: typeof fetch = fetch): Promise<FetchedImage> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: `The item's image address ${url} is not a URL.` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, reason: `The item's image address ${url} is not http(s).` };
  const name = decodeURIComponent(parsed.pathname.split('/').pop() ?? '') || 'community-image';
  try {
    const response = await fetchFn(parsed, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
    if (!response.ok) return { ok: false, reason: `The item's image could not be fetched from ${parsed.host}: it answered ${response.status}.` };
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > MEDIA_MAX_IMPORT_BYTES) return { ok: false, reason: `The item's image is ${declared} bytes, more than the ${MEDIA_MAX_IMPORT_BYTES} bytes the media library imports.` };
    const chunks: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of response.body ?? []) {
      total += chunk.byteLength;
      if (total > MEDIA_MAX_IMPORT_BYTES) return { ok: false, reason: `The item's image is larger than the ${MEDIA_MAX_IMPORT_BYTES} bytes the media library imports.` };
      chunks.push(chunk);
    }
    return { ok: true, bytes: Buffer.concat(chunks), name };
  } catch (error) {
    const why = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s` : error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `The item's image could not be fetched from ${parsed.host} (${why}).` };
  }
}

// Post media the simulators hand out, served by the sim host itself at
//   GET /__sim/media/<platform>/<picture...>/<rendition>.png[?w=W&h=H]
// so nothing a simulator returns sends Stoa (a compliance thumbnail, "Use in Studio") to a real
// CDN: the demo and the tests stay on loopback. What is drawn depends on platform + picture only;
// the rendition (original, hqdefault, 150x150) and w/h only size it, as a CDN's renditions do.
// 640×640 unless w/h say otherwise.
import { createHash } from 'node:crypto';
import { simImagePng } from './simImage.ts';
import type { SimContext, SimReply } from './types.ts';

export const SIM_MEDIA_PREFIX = '/__sim/media';
const DEFAULT_SIDE = 640;
const CACHE_LIMIT = 64;

/**
 * The URL of a simulator picture. `picture` names it (a media id, `vi/<videoId>`), `rendition` one
 * size of it (`original`, `hqdefault`); `size` asks for other than 640×640.
 */
export function simMediaUrl(context: Pick<SimContext, 'baseUrl'>, platform: string, picture: string, rendition: string, size?: { readonly width: number; readonly height: number }): string {
  // Unit tests build a simulator without a host; the URL stays on loopback even then.
  const base = context.baseUrl ?? 'http://127.0.0.1';
  const query = size ? `?w=${size.width}&h=${size.height}` : '';
  const path = [...picture.split('/'), rendition].map(encodeURIComponent).join('/');
  return `${base}${SIM_MEDIA_PREFIX}/${encodeURIComponent(platform)}/${path}.png${query}`;
}

const cache = new Map<string, { readonly png: Buffer; readonly etag: string }>();

function picture(key: string, width: number, height: number): { readonly png: Buffer; readonly etag: string } {
  const id = `${key}@${width}x${height}`;
  const hit = cache.get(id);
  if (hit) return hit;
  const png = simImagePng(key, width, height);
  const made = { png, etag: `"${createHash('sha256').update(png).digest('hex').slice(0, 32)}"` };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value ?? '');
  cache.set(id, made);
  return made;
}

function side(value: string | null): number | null {
  if (value === null) return DEFAULT_SIDE;
  return /^\d{1,4}$/.test(value) && Number(value) >= 16 && Number(value) <= 2048 ? Number(value) : null;
}

/**
 * The reply to a media request; `parts` are the segments after /__sim/media. `platforms` are the
 * mounted simulators (an unmounted one is a 404, as a typo should be).
 */
export function simMediaReply(method: string, parts: readonly string[], query: URLSearchParams, headers: Readonly<Record<string, string | undefined>>, platforms: ReadonlySet<string>): SimReply {
  const textReply = (status: number, message: string): SimReply => ({ status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: message });
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, headers: { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }, body: 'media is read-only: GET or HEAD' };
  const [platform, ...rest] = parts;
  const last = rest.at(-1);
  if (platform === undefined || !platforms.has(platform) || rest.length < 2 || last === undefined || !last.endsWith('.png')) return textReply(404, `no simulator media at ${SIM_MEDIA_PREFIX}/${parts.join('/')}`);
  const width = side(query.get('w'));
  const height = side(query.get('h'));
  if (width === null || height === null) return textReply(400, 'w and h must be whole numbers from 16 to 2048');
  const key = `${platform}/${rest.slice(0, -1).join('/')}`;
  const { png, etag } = picture(key, width, height);
  const common = { 'content-type': 'image/png', 'cache-control': 'public, max-age=31536000, immutable', etag };
  if (headers['if-none-match'] === etag) return { status: 304, headers: { 'cache-control': common['cache-control'], etag } };
  return { status: 200, headers: { ...common, 'content-length': String(png.length) }, body: method === 'HEAD' ? undefined : png };
}

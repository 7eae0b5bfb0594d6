// The simulator's Content Publishing surface (PLATFORMS.md §4.3, §4.7): containers with Meta's
// state machine (IN_PROGRESS on the first status read, then FINISHED; ERROR for a JPEG that cannot
// be processed (cut short); EXPIRED 24 h after creation on the virtual clock; PUBLISHED after
// media_publish), carousel rules (2–10 children), product_tags checked against the seeded catalog,
// and the rolling 24-hour publishing quota behind content_publishing_limit. Published media join
// the account's media edge, so a client can find them again after a dropped reply.
// Like Meta, creating an image container FETCHES image_url over HTTP(S) at once: a file: URL, an
// unreachable or failing URL, or bytes that are not a JPEG are refused with code 9004 / subcode
// 2207052, so a connector that only works with local files fails here as it would against Meta.
import type { VirtualClock } from '../sim/clock.ts';
import type { SimReply } from '../sim/types.ts';
import type { SimCatalog } from './simCatalog.ts';
import { graphError } from './simMeta.ts';
import type { InstagramSimState } from './simState.ts';

const DAY_MS = 86_400_000;
export const MAX_CAROUSEL_CHILDREN = 10;

export interface SimProductTag {
  readonly product_id: string;
  readonly x: number;
  readonly y: number;
}

interface SimContainer {
  readonly id: string;
  readonly kind: 'IMAGE' | 'CAROUSEL';
  readonly imageUrl: string | null;
  readonly caption: string;
  readonly isCarouselItem: boolean;
  readonly children: readonly string[];
  readonly productTags: readonly SimProductTag[];
  readonly createdAtMs: number;
  readonly broken: string | null;
  reads: number;
  publishedMediaId: string | null;
}

export interface SimPublishedMedia {
  readonly id: string;
  readonly permalink: string;
  readonly caption: string;
  readonly creation_id: string;
  readonly product_tags: readonly SimProductTag[];
  readonly children: readonly { readonly id: string; readonly product_tags: readonly SimProductTag[] }[];
}

const json = (body: unknown): SimReply => ({ status: 200, headers: { 'content-type': 'application/json; charset=UTF-8' }, body });

const FETCH_TIMEOUT_MS = 10_000;
const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

/** Meta's refusal of an image_url it could not fetch or read (code 9004, subcode 2207052). */
function notFetched(detail: string): SimReply {
  return {
    status: 400,
    headers: { 'content-type': 'application/json; charset=UTF-8' },
    body: {
      error: {
        message: 'Only photo or video can be accepted as media type.',
        type: 'OAuthException',
        code: 9004,
        error_subcode: 2207052,
        is_transient: false,
        error_user_title: 'Media download has failed.',
        error_user_msg: `The media could not be fetched from this uri: ${detail}`,
        fbtrace_id: 'AsimTrace9004',
      },
    },
  };
}

const isJpeg = (b: Buffer) => b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
/** A JPEG cut short has no end-of-image marker: Meta accepts the download, then processing fails. */
const isComplete = (b: Buffer) => b[b.length - 2] === 0xff && b[b.length - 1] === 0xd9;

/** Fetches image_url as Meta's crawler would: a refusal reply, or null plus why processing will fail. */
async function fetchImage(url: string): Promise<{ refused: SimReply } | { refused: null; broken: string | null }> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { refused: notFetched(`${url} (not a URL)`) };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { refused: notFetched(`${url} (only http and https URLs on a public server can be fetched)`) };
  let bytes: Buffer;
  try {
    const response = await fetch(parsed, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
    if (!response.ok) return { refused: notFetched(`${url} (HTTP ${response.status})`) };
    bytes = Buffer.from(await response.arrayBuffer());
  } catch {
    return { refused: notFetched(`${url} (no server answered)`) };
  }
  if (bytes.length > MAX_IMAGE_BYTES) return { refused: graphError(400, 36000, 'The image size is too large.', { subcode: 2207004 }) };
  if (!isJpeg(bytes)) return { refused: notFetched(`${url} (not a JPEG image)`) };
  return { refused: null, broken: isComplete(bytes) ? null : 'The image could not be processed (the JPEG is cut short).' };
}

export class SimPublishing {
  readonly containers = new Map<string, SimContainer>();
  readonly published: SimPublishedMedia[] = [];
  /** Publish times (virtual ms) for the rolling quota. */
  private readonly publishTimes: number[] = [];
  private next = 1;

  constructor(
    private readonly clock: VirtualClock,
    private readonly model: InstagramSimState,
    private readonly catalog: SimCatalog,
    readonly quotaTotal = 50,
  ) {}

  private status(c: SimContainer): 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED' {
    if (c.publishedMediaId !== null) return 'PUBLISHED';
    if (c.broken !== null) return 'ERROR';
    if (this.clock.nowMs() - c.createdAtMs >= DAY_MS) return 'EXPIRED';
    return c.reads === 0 ? 'IN_PROGRESS' : 'FINISHED';
  }

  private parseTags(raw: string | null): SimProductTag[] | SimReply {
    if (raw === null) return [];
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return graphError(400, 100, '(#100) Param product_tags must be a JSON array');
    }
    if (!Array.isArray(value)) return graphError(400, 100, '(#100) Param product_tags must be a JSON array');
    const tags: SimProductTag[] = [];
    for (const [i, t] of value.entries()) {
      const tag = t as { product_id?: unknown; x?: unknown; y?: unknown };
      for (const axis of ['x', 'y'] as const) {
        const v = tag[axis];
        if (typeof v !== 'number' || !(v >= 0 && v <= 1)) return graphError(400, 100, `(#100) Param product_tags[${i}]['${axis}'] must be a number less than or equal to 1`);
      }
      const productId = String(tag.product_id ?? '');
      const product = this.catalog.products.find((p) => p.product_id === productId);
      if (!product) return graphError(400, 100, `(#100) Product ${productId} is not in a catalog this account can tag from`);
      if (product.review_status === 'rejected') return graphError(400, 100, `(#100) Product ${productId} was rejected and cannot be tagged`);
      if (tags.some((x) => x.product_id === productId)) return graphError(400, 100, '(#100) Product tags must be unique');
      tags.push({ product_id: productId, x: tag.x as number, y: tag.y as number });
    }
    return tags;
  }

  /** POST /{ig-user-id}/media; an image container is made only after its image_url was fetched. */
  async create(params: URLSearchParams): Promise<SimReply> {
    const tags = this.parseTags(params.get('product_tags'));
    if (!Array.isArray(tags)) return tags;
    const mediaType = params.get('media_type');
    const id = `1790${String(this.next++).padStart(11, '0')}`;
    const base = { id, caption: params.get('caption') ?? '', createdAtMs: this.clock.nowMs(), reads: 0, publishedMediaId: null };
    if (mediaType === 'CAROUSEL') {
      const children = (params.get('children') ?? '').split(',').filter(Boolean);
      if (children.length < 2 || children.length > MAX_CAROUSEL_CHILDREN) return graphError(400, 100, `(#100) A carousel needs 2 to ${MAX_CAROUSEL_CHILDREN} children, got ${children.length}`);
      for (const child of children) {
        const c = this.containers.get(child);
        if (!c || !c.isCarouselItem) return graphError(400, 100, `(#100) Param children: ${child} is not a carousel item container`);
      }
      if (tags.length > 0) return graphError(400, 100, '(#100) Put product_tags on the carousel children');
      this.containers.set(id, { ...base, kind: 'CAROUSEL', imageUrl: null, isCarouselItem: false, children, productTags: [], broken: null });
      return json({ id });
    }
    const imageUrl = params.get('image_url');
    if (!imageUrl) return graphError(400, 100, '(#100) The parameter image_url is required');
    const isCarouselItem = params.get('is_carousel_item') === 'true';
    const fetched = await fetchImage(imageUrl);
    if (fetched.refused) return fetched.refused;
    this.containers.set(id, { ...base, kind: 'IMAGE', imageUrl, isCarouselItem, children: [], productTags: tags, broken: fetched.broken });
    return json({ id });
  }

  /** GET /{container-id}, or null when the id is not a container. */
  read(id: string, params: URLSearchParams): SimReply | null {
    const c = this.containers.get(id);
    if (!c) return null;
    const status_code = this.status(c);
    c.reads += 1;
    const fields = (params.get('fields') ?? 'id').split(',');
    const values: Record<string, unknown> = { id, status_code, status: c.broken ?? status_code };
    return json(Object.fromEntries(fields.filter((f) => f in values).map((f) => [f, values[f]])));
  }

  private usage(): number {
    const since = this.clock.nowMs() - DAY_MS;
    return this.publishTimes.filter((t) => t > since).length;
  }

  /** GET /{ig-user-id}/content_publishing_limit. */
  limit(): SimReply {
    return json({ data: [{ quota_usage: this.usage(), config: { quota_total: this.quotaTotal, quota_duration: 86_400 } }] });
  }

  /** POST /{ig-user-id}/media_publish. */
  publish(params: URLSearchParams): SimReply {
    const id = params.get('creation_id') ?? '';
    const c = this.containers.get(id);
    if (!c || c.isCarouselItem) return graphError(400, 100, `(#100) Param creation_id: ${id} is not a publishable container`);
    const status = this.status(c);
    if (status === 'EXPIRED') return graphError(400, 9007, 'The media container has expired.', { subcode: 2207020 });
    if (status === 'ERROR') return graphError(400, 9007, 'The media could not be created.', { subcode: 2207053 });
    if (status === 'PUBLISHED') return graphError(400, 9007, 'The media container was already published.', { subcode: 2207008 });
    if (status === 'IN_PROGRESS') return graphError(400, 9007, 'Media ID is not available', { subcode: 2207027 });
    if (this.usage() >= this.quotaTotal) return graphError(400, 9, 'Application request limit reached', { subcode: 2207042 });
    const children = c.children.map((childId) => this.containers.get(childId)).filter((x): x is SimContainer => x !== undefined);
    if (children.some((child) => this.status(child) !== 'FINISHED')) return graphError(400, 9007, 'A carousel child is not ready.', { subcode: 2207027 });
    const mediaId = `1791${String(this.next++).padStart(11, '0')}`;
    const permalink = `https://www.instagram.com/p/SIM${mediaId.slice(-8)}/`;
    c.publishedMediaId = mediaId;
    this.publishTimes.push(this.clock.nowMs());
    const childMedia = children.map((child, i) => ({ id: `${mediaId}${i}`, product_tags: child.productTags }));
    this.published.push({ id: mediaId, permalink, caption: c.caption, creation_id: id, product_tags: c.productTags, children: childMedia });
    this.model.media.unshift({
      id: mediaId,
      caption: c.caption,
      timestamp: this.clock.now().toISOString().replace(/\.\d{3}Z$/, '+0000'),
      permalink,
      mediaType: c.kind === 'CAROUSEL' ? 'CAROUSEL_ALBUM' : 'IMAGE',
      ...(c.kind === 'CAROUSEL' ? { children: childMedia.map((m, i) => ({ id: m.id, mediaType: 'IMAGE' as const, mediaUrl: children[i]?.imageUrl ?? '' })) } : { mediaUrl: c.imageUrl ?? '' }),
    });
    return json({ id: mediaId });
  }
}

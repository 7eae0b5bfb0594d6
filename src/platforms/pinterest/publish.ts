// Publishing a pin (PLATFORMS.md §7): POST /pins with board_id, title, description, link, alt_text
// and one image, or a carousel (2–5 images, multiple_image_base64 / multiple_image_urls). Pinterest
// has no product tags: a shoppable pin is a pin whose link is the product page. POST /pins is not
// idempotent and takes no idempotency key, so `createSent` (with the time) is saved before the
// request goes out; an attempt that finds it set — a crash, a timeout, a dropped reply — reads the
// board's recent pins first and matches title, description and link (duplicate-pin detection), and
// sends again only when the pin is not there. So a post becomes exactly one pin.
import type { CallFailure, Clock } from '../platform.ts';
import type { PinterestClient } from './client.ts';
import { pinPermalink, type PinterestPin } from './map.ts';
import { recentBoardPins } from './pins.ts';
import { pinSchema } from './wire.ts';

export const MAX_CAROUSEL_IMAGES = 5;

export type PinImageSource =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'base64'; readonly contentType: 'image/jpeg' | 'image/png'; readonly data: string };

export interface PinImage {
  readonly source: PinImageSource;
  readonly altText: string;
}

export interface PinPublishRequest {
  readonly boardId: string;
  readonly title: string | null;
  readonly description: string;
  /** The product page (shoppable pin) or an explicit link; null for none. */
  readonly link: string | null;
  readonly images: readonly PinImage[];
}

/** What survives between attempts (stored with the job). */
export interface PinPublishProgress {
  readonly createSent: boolean;
  /** When the create was sent (virtual or real clock), bounding the duplicate search. */
  readonly sentAt: string | null;
}

export const EMPTY_PIN_PROGRESS: PinPublishProgress = { createSent: false, sentAt: null };

export type PinPublishOutcome =
  | { readonly status: 'published'; readonly mediaId: string; readonly permalink: string | null }
  | { readonly status: 'failed'; readonly reason: string; readonly retryable: boolean }
  | Extract<CallFailure, { status: 'retry_after' }>;

export interface PinPublishDeps {
  readonly client: PinterestClient;
  readonly clock: Clock;
  readonly save: (progress: PinPublishProgress) => void;
}

/** Slack on the sent time: the platform's clock and ours may disagree a little. */
const CLOCK_SLACK_MS = 5 * 60_000;

function failed(f: CallFailure): PinPublishOutcome {
  if (f.status === 'retry_after') return f;
  return { status: 'failed', reason: f.reason, retryable: f.status === 'reauth' };
}

export function pinCreateBody(request: PinPublishRequest): Record<string, unknown> {
  const [first] = request.images;
  const itemOf = (image: PinImage) => (image.source.kind === 'url' ? { url: image.source.url } : { content_type: image.source.contentType, data: image.source.data });
  const carousel = request.images.length > 1;
  const allBase64 = request.images.every((i) => i.source.kind === 'base64');
  const media_source = carousel
    ? { source_type: allBase64 ? 'multiple_image_base64' : 'multiple_image_urls', items: request.images.map(itemOf) }
    : first?.source.kind === 'base64'
      ? { source_type: 'image_base64', content_type: first.source.contentType, data: first.source.data }
      : { source_type: 'image_url', url: first?.source.kind === 'url' ? first.source.url : '' };
  return {
    board_id: request.boardId,
    ...(request.title ? { title: request.title } : {}),
    description: request.description,
    ...(request.link ? { link: request.link } : {}),
    ...(first?.altText ? { alt_text: first.altText } : {}),
    media_source,
  };
}

/** The pin this request made, if the board has it: same title, description and link, made after it was sent. */
export function matchesRequest(pin: PinterestPin, request: PinPublishRequest, sentAt: string | null): boolean {
  const after = sentAt ? Date.parse(sentAt) - CLOCK_SLACK_MS : Number.NEGATIVE_INFINITY;
  return pin.description === request.description && pin.title === (request.title ?? '') && pin.link === (request.link ?? null) && Date.parse(pin.createdAt) >= after;
}

async function findExisting(deps: PinPublishDeps, request: PinPublishRequest, sentAt: string | null): Promise<{ ok: true; pin: PinterestPin | null } | { ok: false; outcome: PinPublishOutcome }> {
  const recent = await recentBoardPins(deps.client, request.boardId);
  if (recent.status !== 'ok') return { ok: false, outcome: failed(recent) };
  return { ok: true, pin: recent.pins.find((p) => matchesRequest(p, request, sentAt)) ?? null };
}

/** One attempt; call it again with the saved progress after a retry_after or a crash. */
export async function publishPin(deps: PinPublishDeps, request: PinPublishRequest, initial: PinPublishProgress): Promise<PinPublishOutcome> {
  if (request.images.length === 0) return { status: 'failed', reason: 'The pin has no image.', retryable: false };
  if (request.images.length > MAX_CAROUSEL_IMAGES) return { status: 'failed', reason: `A carousel pin has at most ${MAX_CAROUSEL_IMAGES} images; this one has ${request.images.length}.`, retryable: false };
  let progress = initial;
  if (progress.createSent) {
    // An earlier create may have landed: read the board before sending anything.
    const existing = await findExisting(deps, request, progress.sentAt);
    if (!existing.ok) return existing.outcome;
    if (existing.pin) return { status: 'published', mediaId: existing.pin.id, permalink: existing.pin.permalink };
    progress = EMPTY_PIN_PROGRESS;
    deps.save(progress);
  }
  progress = { createSent: true, sentAt: deps.clock.now().toISOString() };
  deps.save(progress);
  const created = await deps.client.call('POST', '/pins', {}, pinCreateBody(request));
  if (created.ok) {
    const pin = pinSchema.safeParse(created.body);
    // The pin exists but its reply is unreadable: the next attempt finds it on the board.
    if (!pin.success) return { status: 'retry_after', at: new Date(deps.clock.now().getTime() + 5_000).toISOString(), seconds: 5, reason: 'Pinterest sent an unreadable reply to POST /pins; the board is read before anything is sent again.', ambiguous: true };
    return { status: 'published', mediaId: pin.data.id, permalink: pinPermalink(pin.data.id) };
  }
  const f = created.failure;
  if (f.status === 'retry_after' && f.ambiguous) {
    // Dropped or timed out after sending: look once now; the saved progress covers a crash here.
    const existing = await findExisting(deps, request, progress.sentAt);
    if (!existing.ok) return existing.outcome;
    if (existing.pin) return { status: 'published', mediaId: existing.pin.id, permalink: existing.pin.permalink };
    deps.save(EMPTY_PIN_PROGRESS);
    return { ...f, ambiguous: false, reason: `${f.reason} The pin is not on the board, so it will be sent again.` };
  }
  // Refused before it was applied (throttled, invalid, unauthorised): nothing to reconcile.
  deps.save(EMPTY_PIN_PROGRESS);
  return failed(f);
}

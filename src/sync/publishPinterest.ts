// The Pinterest branch of the publisher: a post becomes one pin (or a carousel pin of 2–5 images)
// on the post's board (post_target_boards, else the account's default board). Pinterest has no
// product tags, so the pin links to the product page: the post's explicit link, else the first
// tagged product's catalog link. Images go as base64 from the workspace (the 2:3 pinterest_pin
// rendition when there is one, else the original JPEG/PNG), so no public URL is needed. The
// connector saves that the create was sent before sending it, and reads the board for the pin
// before any resend (publish.ts in platforms/pinterest).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { EMPTY_PIN_PROGRESS, type PinImage, type PinPublishOutcome, type PinPublishProgress, type PinPublishRequest, type PinterestPlatform } from '../platforms/pinterest/index.ts';
import type { Platform } from '../platforms/platform.ts';
import { getCatalogProduct } from '../store/catalog.ts';
import type { Clock } from '../store/clock.ts';
import { getMediaAsset } from '../store/media.ts';
import { getPostBoard } from '../store/postBoards.ts';
import type { PostRecord } from '../store/posts.ts';
import { resolveProduct } from '../store/postsProducts.ts';
import { savePublishProgress, type PublishJob } from '../store/publishJobs.ts';

export const isPinterest = (p: Platform): p is PinterestPlatform => p.name === 'pinterest' && 'publishPin' in p;

type Built = { ok: true; request: PinPublishRequest } | { ok: false; reason: string; retryable: boolean };

function linkOf(db: Database, post: PostRecord): string | null {
  if (post.link && post.link.trim() !== '') return post.link.trim();
  for (const tag of post.productTags) {
    const ref = resolveProduct(db, tag.productId);
    const link = ref ? getCatalogProduct(db, ref.id)?.link : null;
    if (link) return link;
  }
  return null;
}

export function buildPinRequest(db: Database, mediaDir: string, post: PostRecord, boardId: string): Built {
  const images: PinImage[] = [];
  for (const m of post.media) {
    const asset = getMediaAsset(db, m.assetId);
    if (!asset) return { ok: false, reason: `Media ${m.assetId} is no longer in the library.`, retryable: false };
    const rendition = asset.renditions.find((r) => r.target === 'pinterest_pin');
    // Renditions are JPEG; an original goes only if Pinterest takes its format.
    const file = rendition?.file ?? (asset.format === 'jpeg' || asset.format === 'png' ? asset.file : null);
    if (!file) return { ok: false, reason: `Media ${asset.originalName} has no Pinterest rendition and Pinterest takes only JPEG or PNG.`, retryable: false };
    let data: string;
    try {
      data = readFileSync(join(mediaDir, file)).toString('base64');
    } catch {
      return { ok: false, reason: `The file of ${asset.originalName} is missing from the workspace.`, retryable: false };
    }
    images.push({ source: { kind: 'base64', contentType: rendition || asset.format === 'jpeg' ? 'image/jpeg' : 'image/png', data }, altText: m.altText || asset.altText });
  }
  return { ok: true, request: { boardId, title: post.title, description: post.caption, link: linkOf(db, post), images } };
}

const progressOf = (raw: unknown): PinPublishProgress =>
  raw && typeof raw === 'object' && 'createSent' in raw && typeof (raw as PinPublishProgress).createSent === 'boolean' ? (raw as PinPublishProgress) : EMPTY_PIN_PROGRESS;

export interface PinterestAttemptDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly mediaDir: string;
  readonly accounts: readonly { readonly id: string; readonly platform: Platform }[];
}

export async function attemptPinterest(deps: PinterestAttemptDeps, job: PublishJob, post: PostRecord): Promise<PinPublishOutcome> {
  const account = deps.accounts.find((a) => (job.accountId ? a.id === job.accountId : a.platform.name === 'pinterest'));
  if (!account || !isPinterest(account.platform)) return { status: 'failed', reason: 'No Pinterest account is connected.', retryable: true };
  const platform = account.platform;
  const boardId = getPostBoard(deps.db, post.id, 'pinterest') ?? platform.defaultBoardId;
  if (!boardId) return { status: 'failed', reason: 'Choose a Pinterest board for this post (or set a default board on the Pinterest account).', retryable: false };
  const built = buildPinRequest(deps.db, deps.mediaDir, post, boardId);
  if (!built.ok) return { status: 'failed', reason: built.reason, retryable: built.retryable };
  return platform.publishPin(built.request, progressOf(job.progress), (next) => savePublishProgress(deps.db, job.id, next, deps.clock));
}

// The publisher beside the sync engine: sends the publish jobs that are due, one attempt each per
// run, to Instagram here and to Pinterest through publishPinterest.ts. A job cut off by a crash
// ('sending' at the start) is put back with its progress; the connector then reads the platform's state before it sends anything again. Images go to
// Instagram as the public address of the chosen rendition on the workspace's media host
// (mediaHostUpload.ts: Meta fetches image_url itself, so a desktop file cannot be sent), and
// product tags carry Meta's product ids, found by the product's SKU (retailer id) through
// catalog_product_search and cached per account.
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { InstagramPlatform } from '../platforms/instagram/index.ts';
import { EMPTY_PROGRESS, type PublishOutcome, type PublishProgress, type PublishRequest } from '../platforms/instagram/publish.ts';
import type { Platform } from '../platforms/platform.ts';
import type { Actor } from '../store/accounts.ts';
import type { Clock } from '../store/clock.ts';
import { listAccounts } from '../store/accounts.ts';
import { getMediaAsset } from '../store/media.ts';
import type { SecretCipher } from '../store/secrets.ts';
import { getSetting } from '../store/settings.ts';
import { isLoopback, readMediaHost, simMediaHostOf, type MediaHostConfig } from './mediaHostConfig.ts';
import { hostImage } from './mediaHostUpload.ts';
import { getPost, type PostRecord } from '../store/posts.ts';
import { resolveProduct } from '../store/postsProducts.ts';
import { attemptPinterest } from './publishPinterest.ts';
import { cachedProductId, cacheProductIds, claimPublishJob, deferPublishJob, duePublishJobs, finishPublishJob, getPublishJob, recoverInterruptedPublishes, savePublishProgress, type PublishJob } from '../store/publishJobs.ts';

export interface PublisherDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly who: Actor;
  readonly mediaDir: string;
  /** Decrypts the media host's token; without it only a host without a token can be used. */
  readonly cipher?: SecretCipher | undefined;
  readonly accounts: readonly { readonly id: string; readonly platform: Platform }[];
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface PublishSummary {
  readonly recovered: number;
  readonly published: number;
  readonly failed: number;
  readonly deferred: number;
}

const isInstagram = (p: Platform): p is InstagramPlatform => p.name === 'instagram' && 'publish' in p;

type Built = { ok: true; request: PublishRequest } | { ok: false; reason: string; retryable: boolean; later?: boolean };

export const NO_MEDIA_HOST = 'Instagram fetches images from a public web address; set a media host in Settings → Publishing.';
/** How long a publish waits after the media host was down. */
const HOST_RETRY_SECONDS = 300;

/**
 * The media host for an account: the workspace's setting, else — only in a demo/test workspace and
 * for an account on a loopback simulator — the simulator host's own upload route.
 */
function mediaHostFor(deps: PublisherDeps, accountId: string): MediaHostConfig | null {
  const configured = readMediaHost(deps.db, deps.cipher);
  if (configured) return configured;
  if (getSetting<boolean>(deps.db, 'demo') !== true) return null;
  const baseUrl = listAccounts(deps.db).find((a) => a.id === accountId)?.baseUrl;
  if (!baseUrl || !isLoopback(baseUrl) || !/\/instagram\/?$/.test(new URL(baseUrl).pathname)) return null;
  return simMediaHostOf(new URL(baseUrl).origin);
}

async function buildRequest(deps: PublisherDeps, post: PostRecord, accountId: string, platform: InstagramPlatform): Promise<Built> {
  let host: MediaHostConfig | null;
  try {
    host = mediaHostFor(deps, accountId);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error), retryable: false };
  }
  if (!host) return { ok: false, reason: NO_MEDIA_HOST, retryable: false };
  const images: { imageUrl: string; altText: string; productTags: { product_id: string; x: number; y: number }[] }[] = [];
  for (const m of post.media) {
    const asset = getMediaAsset(deps.db, m.assetId);
    if (!asset) return { ok: false, reason: `Media ${m.assetId} is no longer in the library.`, retryable: false };
    const file = (m.crop ? asset.renditions.find((r) => r.target === m.crop)?.file : undefined) ?? asset.file;
    const hosted = await hostImage(host, join(deps.mediaDir, file));
    if (!hosted.ok) return { ok: false, reason: hosted.reason, retryable: hosted.retryable, later: hosted.retryable };
    images.push({ imageUrl: hosted.url, altText: m.altText || asset.altText, productTags: [] });
  }
  for (const tag of post.productTags) {
    const product = resolveProduct(deps.db, tag.productId);
    const sku = product?.sku;
    if (!sku) return { ok: false, reason: `Product ${tag.productId} has no SKU to find it in the Instagram catalog.`, retryable: false };
    let metaId = cachedProductId(deps.db, accountId, sku);
    if (!metaId) {
      if (!platform.catalogId) return { ok: false, reason: 'The Instagram account has no catalog configured for product tags.', retryable: false };
      const found = await platform.searchCatalog(platform.catalogId, { query: sku });
      if (found.status === 'retry_after') return { ok: false, reason: found.reason, retryable: true };
      if (found.status !== 'ok') return { ok: false, reason: found.reason, retryable: false };
      cacheProductIds(deps.db, accountId, found.products, deps.clock);
      metaId = cachedProductId(deps.db, accountId, sku);
      if (!metaId) return { ok: false, reason: `Product ${sku} is not an approved product in the Instagram catalog.`, retryable: false };
    }
    images[tag.mediaIndex]?.productTags.push({ product_id: metaId, x: tag.x, y: tag.y });
  }
  return { ok: true, request: { caption: post.caption, images } };
}

const progressOf = (raw: unknown): PublishProgress => (raw && typeof raw === 'object' && 'publishSent' in raw ? (raw as PublishProgress) : EMPTY_PROGRESS);

async function attempt(deps: PublisherDeps, job: PublishJob): Promise<PublishOutcome> {
  const post = getPost(deps.db, job.postId);
  if (!post) return { status: 'failed', reason: 'The post was deleted.', retryable: false };
  if (job.target === 'pinterest') return attemptPinterest(deps, job, post);
  if (job.target !== 'instagram') return { status: 'failed', reason: `Publishing to ${job.target} is not supported yet.`, retryable: false };
  const account = deps.accounts.find((a) => (job.accountId ? a.id === job.accountId : a.platform.name === 'instagram'));
  if (!account || !isInstagram(account.platform)) return { status: 'failed', reason: 'No Instagram account is connected.', retryable: true };
  const platform = account.platform;
  const progress = progressOf(job.progress);
  // Tags resolved once: a resumed job keeps the containers it made, so it must not need the catalog again.
  const built = await buildRequest(deps, post, account.id, platform);
  if (!built.ok && built.later) return { status: 'retry_after', at: new Date(deps.clock.now().getTime() + HOST_RETRY_SECONDS * 1000).toISOString(), seconds: HOST_RETRY_SECONDS, reason: built.reason, ambiguous: false };
  if (!built.ok) return { status: 'failed', reason: built.reason, retryable: built.retryable };
  return platform.publish(built.request, progress, (next) => savePublishProgress(deps.db, job.id, next, deps.clock), deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))));
}

/** One pass over the due jobs; transient failures are retried a few times within the pass. */
export async function runPublisher(deps: PublisherDeps, options: { immediateRetries?: number } = {}): Promise<PublishSummary> {
  const recovered = recoverInterruptedPublishes(deps.db);
  let published = 0;
  let failed = 0;
  let deferred = 0;
  for (const due of duePublishJobs(deps.db, deps.clock)) {
    if (!claimPublishJob(deps.db, due.id, deps.clock)) continue;
    let outcome: PublishOutcome = { status: 'failed', reason: 'not attempted', retryable: true };
    for (let i = 0; i <= (options.immediateRetries ?? 3); i += 1) {
      const job = getPublishJob(deps.db, due.id) ?? due;
      outcome = await attempt(deps, job);
      if (outcome.status !== 'retry_after' || outcome.seconds > 60) break;
    }
    if (outcome.status === 'published') {
      finishPublishJob(deps.db, due, { ok: true, remoteId: outcome.mediaId, permalink: outcome.permalink }, deps.who, deps.clock);
      published += 1;
    } else if (outcome.status === 'failed') {
      finishPublishJob(deps.db, due, { ok: false, reason: outcome.reason }, deps.who, deps.clock);
      failed += 1;
    } else {
      deferPublishJob(deps.db, due.id, outcome.at, outcome.reason, deps.clock);
      deferred += 1;
    }
  }
  return { recovered, published, failed, deferred };
}

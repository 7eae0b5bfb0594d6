// Instagram Content Publishing (PLATFORMS.md §4.3, §4.7), resumable: containers (one per image,
// carousel children with is_carousel_item and their product_tags, then the carousel parent), status
// polling until FINISHED, the 24-hour quota read first, media_publish, the permalink. Progress is
// handed to `save` before each step that the next one depends on, so a run killed anywhere resumes
// from the stored container ids. media_publish is not idempotent: `publishSent` is saved before it
// is sent, and a later attempt reads the container's status_code (PUBLISHED → find the media on the
// account's media edge) before it may send again, so a post is never published twice.
import { z } from 'zod';
import type { CallFailure, Clock } from '../platform.ts';
import type { GraphClient, GraphResult } from './client.ts';

const CONTAINER_LIFETIME_MS = 24 * 3_600_000;
/** Recreate a little before Meta's 24 h, so a container does not expire between the check and the publish. */
const EXPIRY_MARGIN_MS = 10 * 60_000;

export interface PublishImage {
  readonly imageUrl: string;
  readonly altText: string;
  readonly productTags: readonly { readonly product_id: string; readonly x: number; readonly y: number }[];
}

export interface PublishRequest {
  readonly caption: string;
  readonly images: readonly PublishImage[];
}

/** What survives between attempts (stored by the caller with the job). */
export interface PublishProgress {
  readonly children: readonly string[];
  readonly containerId: string | null;
  readonly containerCreatedAt: string | null;
  readonly publishSent: boolean;
}

export const EMPTY_PROGRESS: PublishProgress = { children: [], containerId: null, containerCreatedAt: null, publishSent: false };

export type PublishOutcome =
  | { readonly status: 'published'; readonly mediaId: string; readonly permalink: string | null }
  | { readonly status: 'failed'; readonly reason: string; readonly retryable: boolean }
  | Extract<CallFailure, { status: 'retry_after' }>;

export interface PublishDeps {
  readonly client: GraphClient;
  readonly igUserId: string;
  readonly clock: Clock;
  readonly save: (progress: PublishProgress) => void;
  readonly sleep: (ms: number) => Promise<void>;
  readonly pollAttempts?: number;
  readonly pollMs?: number;
}

const idSchema = z.object({ id: z.union([z.string(), z.number()]).transform(String) });
const statusSchema = z.object({ status_code: z.string(), status: z.string().optional() });
const limitSchema = z.object({ data: z.array(z.object({ quota_usage: z.number(), config: z.object({ quota_total: z.number() }).optional() })) });
const mediaPageSchema = z.object({ data: z.array(z.object({ id: z.string(), caption: z.string().optional(), permalink: z.string().optional(), timestamp: z.string().optional() })) });

type Step<T> = { ok: true; value: T } | { ok: false; outcome: PublishOutcome };

function failureOf(result: Extract<GraphResult, { ok: false }>): PublishOutcome {
  const f = result.failure;
  if (f.status === 'retry_after') return f;
  if (f.status === 'reauth') return { status: 'failed', reason: f.reason, retryable: true };
  return { status: 'failed', reason: f.reason, retryable: false };
}

async function call<T>(deps: PublishDeps, method: 'GET' | 'POST', path: string, params: Record<string, string>, schema: z.ZodType<T>): Promise<Step<T>> {
  const result = await deps.client.call(method, path, params);
  if (!result.ok) return { ok: false, outcome: failureOf(result) };
  const parsed = schema.safeParse(result.body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, outcome: { status: 'failed', reason: `Instagram sent an unreadable reply to ${method} ${path}.`, retryable: true } };
}

const containerStatus = (deps: PublishDeps, id: string) => call(deps, 'GET', id, { fields: 'status_code,status' }, statusSchema);

/** The published media of a container: the account's newest media with its caption, after the container was made. */
async function findPublished(deps: PublishDeps, caption: string, since: string | null): Promise<Step<{ id: string; permalink: string | null } | null>> {
  const page = await call(deps, 'GET', `${deps.igUserId}/media`, { fields: 'id,caption,permalink,timestamp', limit: '25' }, mediaPageSchema);
  if (!page.ok) return page;
  const sinceMs = since ? Date.parse(since) - 60_000 : 0;
  const hit = page.value.data.find((m) => (m.caption ?? '') === caption && (!m.timestamp || Date.parse(m.timestamp.replace('+0000', 'Z')) >= sinceMs));
  return { ok: true, value: hit ? { id: hit.id, permalink: hit.permalink ?? null } : null };
}

async function createContainers(deps: PublishDeps, request: PublishRequest, start: PublishProgress): Promise<Step<PublishProgress>> {
  let progress = start;
  const carousel = request.images.length > 1;
  const createdAt = () => progress.containerCreatedAt ?? new Date(deps.clock.now().getTime()).toISOString();
  const tagsOf = (image: PublishImage): Record<string, string> => (image.productTags.length > 0 ? { product_tags: JSON.stringify(image.productTags) } : {});
  const altOf = (image: PublishImage): Record<string, string> => (image.altText ? { alt_text: image.altText } : {});
  if (!carousel) {
    const image = request.images[0];
    if (!image) return { ok: false, outcome: { status: 'failed', reason: 'The post has no image.', retryable: false } };
    const made = await call(deps, 'POST', `${deps.igUserId}/media`, { image_url: image.imageUrl, caption: request.caption, ...tagsOf(image), ...altOf(image) }, idSchema);
    if (!made.ok) return made;
    progress = { ...progress, containerId: made.value.id, containerCreatedAt: createdAt() };
    deps.save(progress);
    return { ok: true, value: progress };
  }
  for (const image of request.images.slice(progress.children.length)) {
    const made = await call(deps, 'POST', `${deps.igUserId}/media`, { image_url: image.imageUrl, is_carousel_item: 'true', ...tagsOf(image), ...altOf(image) }, idSchema);
    if (!made.ok) return made;
    progress = { ...progress, children: [...progress.children, made.value.id], containerCreatedAt: createdAt() };
    deps.save(progress);
  }
  const parent = await call(deps, 'POST', `${deps.igUserId}/media`, { media_type: 'CAROUSEL', children: progress.children.join(','), caption: request.caption }, idSchema);
  if (!parent.ok) return parent;
  progress = { ...progress, containerId: parent.value.id };
  deps.save(progress);
  return { ok: true, value: progress };
}

/** Polls each container until FINISHED; 'expired' asks the caller to rebuild them. */
async function awaitFinished(deps: PublishDeps, ids: readonly string[]): Promise<Step<'finished' | 'expired'>> {
  for (const id of ids) {
    for (let attempt = 0; ; attempt += 1) {
      const status = await containerStatus(deps, id);
      if (!status.ok) return status;
      const code = status.value.status_code;
      if (code === 'FINISHED') break;
      if (code === 'EXPIRED') return { ok: true, value: 'expired' };
      if (code === 'ERROR') return { ok: false, outcome: { status: 'failed', reason: `Instagram could not process an image: ${status.value.status ?? 'ERROR'}.`, retryable: false } };
      if (code === 'PUBLISHED') break;
      if (attempt >= (deps.pollAttempts ?? 30)) return { ok: false, outcome: { status: 'retry_after', at: new Date(deps.clock.now().getTime() + 60_000).toISOString(), seconds: 60, reason: 'Instagram is still processing the images.', ambiguous: false } };
      await deps.sleep(deps.pollMs ?? 1_000);
    }
  }
  return { ok: true, value: 'finished' };
}

async function permalinkOf(deps: PublishDeps, mediaId: string, known: string | null): Promise<PublishOutcome> {
  if (known) return { status: 'published', mediaId, permalink: known };
  const read = await call(deps, 'GET', mediaId, { fields: 'permalink' }, z.object({ permalink: z.string().optional() }));
  // The post is out either way; a permalink that could not be read is not a reason to publish again.
  return { status: 'published', mediaId, permalink: read.ok ? (read.value.permalink ?? null) : null };
}

/** One attempt; call it again with the saved progress after a retry_after or a crash. */
export async function publishToInstagram(deps: PublishDeps, request: PublishRequest, initial: PublishProgress): Promise<PublishOutcome> {
  let progress = initial;
  const reset = () => {
    progress = EMPTY_PROGRESS;
    deps.save(progress);
  };
  for (let rebuilds = 0; rebuilds < 3; rebuilds += 1) {
    if (progress.publishSent && progress.containerId) {
      // An earlier media_publish may have been applied: read before sending again.
      const status = await containerStatus(deps, progress.containerId);
      if (!status.ok) return status.outcome;
      if (status.value.status_code === 'PUBLISHED') {
        const found = await findPublished(deps, request.caption, progress.containerCreatedAt);
        if (!found.ok) return found.outcome;
        if (found.value) return permalinkOf(deps, found.value.id, found.value.permalink);
        return { status: 'failed', reason: 'Instagram says the post was published but it is not on the account; check the account before retrying.', retryable: false };
      }
      progress = { ...progress, publishSent: false };
      deps.save(progress);
    }
    const created = progress.containerCreatedAt ? Date.parse(progress.containerCreatedAt) : null;
    if (created !== null && deps.clock.now().getTime() - created > CONTAINER_LIFETIME_MS - EXPIRY_MARGIN_MS) reset();
    const quota = await call(deps, 'GET', `${deps.igUserId}/content_publishing_limit`, { fields: 'quota_usage,config' }, limitSchema);
    if (!quota.ok) return quota.outcome;
    const usage = quota.value.data[0];
    if (usage?.config && usage.quota_usage >= usage.config.quota_total) {
      return { status: 'failed', reason: `The account has used its Instagram publishing quota (${usage.quota_usage} of ${usage.config.quota_total} posts in 24 hours).`, retryable: true };
    }
    if (!progress.containerId) {
      const made = await createContainers(deps, request, progress);
      if (!made.ok) return made.outcome;
      progress = made.value;
    }
    const containerId = progress.containerId as string;
    const ready = await awaitFinished(deps, [...progress.children, containerId]);
    if (!ready.ok) return ready.outcome;
    if (ready.value === 'expired') {
      reset();
      continue;
    }
    progress = { ...progress, publishSent: true };
    deps.save(progress);
    const published = await call(deps, 'POST', `${deps.igUserId}/media_publish`, { creation_id: containerId }, idSchema);
    if (published.ok) return permalinkOf(deps, published.value.id, null);
    const outcome = published.outcome;
    // Dropped or timed out after sending: the loop's first step reads the container before anything is resent.
    if (outcome.status === 'retry_after' && outcome.ambiguous) continue;
    progress = { ...progress, publishSent: false };
    deps.save(progress);
    return outcome;
  }
  return { status: 'retry_after', at: new Date(deps.clock.now().getTime() + 60_000).toISOString(), seconds: 60, reason: 'Instagram containers kept expiring or the publish kept dropping; will try again.', ambiguous: false };
}

// Pull one page of a YouTube moderation queue: commentThreads.list for the channel with
// moderationStatus=heldForReview (modqueue) or likelySpam (spam). The cursor is YouTube's own
// opaque nextPageToken. Threads whose replies the API only sampled are completed with
// comments.list?parentId=, because a thread is in the queue when *any* reply is.
import type { PullOutcome, PullRequest, QuarantinedPayload, RemoteItem } from '../platform.ts';
import type { YoutubeClient } from './client.ts';
import { authorsOf, mapReplies, mapThreads } from './map.ts';
import { commentPageSchema, threadPageSchema, type YtQueueStatus } from './wire.ts';

export const PAGE_SIZE = { default: 20, max: 100 } as const;
/** Bound on reply follow-ups per page, so one page cannot spend unbounded quota. */
const MAX_REPLY_PAGES_PER_THREAD = 5;

export function queueStatusOf(queue: PullRequest['queue']): YtQueueStatus | null {
  if (queue === 'modqueue') return 'heldForReview';
  if (queue === 'spam') return 'likelySpam';
  return null;
}

async function completeReplies(client: YoutubeClient, threadId: string, queue: YtQueueStatus): Promise<{ items: RemoteItem[]; quarantined: QuarantinedPayload[] } | null> {
  const items: RemoteItem[] = [];
  const quarantined: QuarantinedPayload[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_REPLY_PAGES_PER_THREAD; page += 1) {
    const result = await client.call('comments.list', { part: 'snippet', parentId: threadId, maxResults: '100', textFormat: 'plainText', ...(pageToken ? { pageToken } : {}) });
    if (!result.ok) return null;
    const parsed = commentPageSchema.safeParse(result.body);
    if (!parsed.success) return null;
    const mapped = mapReplies(parsed.data.items, queue);
    items.push(...mapped.items);
    quarantined.push(...mapped.quarantined);
    pageToken = parsed.data.nextPageToken;
    if (!pageToken) break;
  }
  return { items, quarantined };
}

export async function pullQueue(client: YoutubeClient, channelId: string, request: PullRequest): Promise<PullOutcome> {
  const queue = queueStatusOf(request.queue);
  if (!queue) return { status: 'permanent_failure', code: 'unsupported_queue', reason: `YouTube has no "${request.queue}" queue.` };
  const limit = Math.min(PAGE_SIZE.max, Math.max(1, Math.floor(request.limit ?? PAGE_SIZE.default)));
  const params = (cursor: string | null): Record<string, string> => ({
    part: 'snippet,replies',
    allThreadsRelatedToChannelId: channelId,
    moderationStatus: queue,
    maxResults: String(limit),
    order: 'time',
    textFormat: 'plainText',
    ...(cursor ? { pageToken: cursor } : {}),
  });
  let result = await client.call('commentThreads.list', params(request.cursor));
  // A token YouTube no longer accepts (expired, garbled in storage): walk again from the head.
  // Re-reading items is harmless (upserts by remote id); losing the walk is not.
  if (!result.ok && result.googleReason === 'invalidPageToken' && request.cursor !== null) result = await client.call('commentThreads.list', params(null));
  if (!result.ok) return result.failure;
  const page = threadPageSchema.safeParse(result.body);
  if (!page.success) {
    // The envelope itself is broken: nothing to map, but the walk must not stop for good.
    return { status: 'ok', page: { items: [], authors: [], reports: [], nextCursor: null, quarantined: [{ payload: result.body, error: `YouTube thread page failed validation: ${page.error.issues[0]?.message ?? 'invalid'}` }] } };
  }
  const mapped = mapThreads(page.data.items, queue);
  const items = [...mapped.items];
  const quarantined = [...mapped.quarantined];
  for (const threadId of mapped.incompleteThreads) {
    const extra = await completeReplies(client, threadId, queue);
    if (!extra) continue; // best effort: the next pull sees the thread again
    quarantined.push(...extra.quarantined);
    for (const item of extra.items) if (!items.some((known) => known.remoteId === item.remoteId)) items.push(item);
  }
  return {
    status: 'ok',
    page: {
      items,
      authors: authorsOf(items),
      reports: items.flatMap((item) => item.reports.map((r) => ({ ...r, itemRemoteId: item.remoteId }))),
      nextCursor: page.data.nextPageToken ?? null,
      quarantined,
    },
  };
}

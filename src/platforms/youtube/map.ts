// Wire → domain for YouTube comments. A thread page is mapped entry by entry: an entry that fails
// its schema is quarantined with the reason and its siblings still arrive (issue #3: malformed
// payloads do not stop the sync).
import type { QuarantinedPayload, RemoteAuthor, RemoteItem, RemoteReport, RemoteState } from '../platform.ts';
import { commentSchema, commentThreadSchema, type WireComment, type YtModerationStatus, type YtQueueStatus } from './wire.ts';
import { decodeEntities } from '../../core/htmlEntities.ts';

/** heldForReview and likelySpam await a verdict; published is approved; rejected is removed. */
export function remoteStateOf(status: YtModerationStatus): RemoteState {
  switch (status) {
    case 'heldForReview':
    case 'likelySpam':
      return 'open';
    case 'published':
      return 'approved';
    case 'rejected':
      return 'removed';
  }
}

/** Why YouTube put the comment in a queue, as a report the queue can sort and explain by. */
function reportsOf(status: YtModerationStatus | undefined): RemoteReport[] {
  if (status === 'likelySpam') return [{ source: 'automatic', reason: 'YouTube: likely spam', count: 1 }];
  if (status === 'heldForReview') return [{ source: 'automatic', reason: 'YouTube: held for review', count: 1 }];
  return [];
}

export function mapComment(comment: WireComment, fallbackStatus: YtModerationStatus): RemoteItem {
  const s = comment.snippet;
  const status = s.moderationStatus ?? fallbackStatus;
  const videoId = s.videoId ?? s.channelId ?? 'channel';
  return {
    platform: 'youtube',
    remoteId: comment.id,
    kind: 'comment',
    community: { remoteId: videoId, name: videoId },
    author: { remoteId: s.authorChannelId?.value ?? s.authorDisplayName, name: s.authorDisplayName },
    parentRemoteId: s.parentId ?? null,
    title: null,
    // textDisplay is HTML-escaped (&#39;, &quot;, &amp;).
    body: decodeEntities(s.textDisplay),
    url: s.videoId ? `https://www.youtube.com/watch?v=${s.videoId}&lc=${comment.id}` : null,
    createdAt: new Date(s.publishedAt).toISOString(),
    remoteState: remoteStateOf(status),
    version: null,
    reports: reportsOf(status),
    raw: comment,
  };
}

export interface MappedThreads {
  readonly items: RemoteItem[];
  readonly quarantined: QuarantinedPayload[];
  /** Threads that matched the queue only through a reply the API did not include (replies are a sample). */
  readonly incompleteThreads: string[];
}

function describe(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

/** Keeps the comments of each thread that are in `queue`: the top comment, matching replies, or both. */
export function mapThreads(entries: readonly unknown[], queue: YtQueueStatus): MappedThreads {
  const items: RemoteItem[] = [];
  const quarantined: QuarantinedPayload[] = [];
  const incompleteThreads: string[] = [];
  for (const entry of entries) {
    const parsed = commentThreadSchema.safeParse(entry);
    if (!parsed.success) {
      quarantined.push({ payload: entry, error: `YouTube comment thread failed validation: ${describe(parsed.error.issues)}` });
      continue;
    }
    const thread = parsed.data;
    const comments = [thread.snippet.topLevelComment, ...(thread.replies?.comments ?? [])];
    const matching = comments.filter((c) => c.snippet.moderationStatus === queue);
    items.push(...matching.map((c) => mapComment(c, queue)));
    if ((thread.snippet.totalReplyCount ?? 0) > (thread.replies?.comments.length ?? 0)) incompleteThreads.push(thread.id);
  }
  return { items, quarantined, incompleteThreads };
}

/** Replies fetched with comments.list?parentId=, filtered to the queue the same way. */
export function mapReplies(entries: readonly unknown[], queue: YtQueueStatus): { items: RemoteItem[]; quarantined: QuarantinedPayload[] } {
  const items: RemoteItem[] = [];
  const quarantined: QuarantinedPayload[] = [];
  for (const entry of entries) {
    const parsed = commentSchema.safeParse(entry);
    if (!parsed.success) {
      quarantined.push({ payload: entry, error: `YouTube comment failed validation: ${describe(parsed.error.issues)}` });
      continue;
    }
    if (parsed.data.snippet.moderationStatus === queue) items.push(mapComment(parsed.data, queue));
  }
  return { items, quarantined };
}

export function authorsOf(items: readonly RemoteItem[]): RemoteAuthor[] {
  const seen = new Map<string, RemoteAuthor>();
  for (const item of items) {
    if (item.author && !seen.has(item.author.remoteId)) {
      const raw = (item.raw as WireComment).snippet;
      seen.set(item.author.remoteId, { platform: 'youtube', ...item.author, raw: { authorDisplayName: raw.authorDisplayName, authorChannelUrl: raw.authorChannelUrl, authorChannelId: raw.authorChannelId } });
    }
  }
  return [...seen.values()];
}

// Read-before-write for YouTube. The API does not return moderationStatus for comments fetched by
// id (discovery doc, CommentSnippet.moderationStatus), so the status is found by membership:
// comments.list?id= proves the comment exists; then its thread is looked for in the video's
// heldForReview, likelySpam and published listings (a reply: its parent's reply list, which
// carries the status). Visible by id but in none of them means rejected. Costs a few units; the
// sync engine needs it only after an ambiguous failure, and YouTube writes are idempotent anyway.
import type { ActionTarget, ReadStateOutcome, RemoteSnapshot } from '../platform.ts';
import type { YoutubeClient } from './client.ts';
import { remoteStateOf } from './map.ts';
import { commentPageSchema, commentSchema, commentThreadSchema, threadPageSchema, type YtModerationStatus } from './wire.ts';

/** Pages walked per listing before giving up on membership (100 threads a page). */
const MAX_PAGES = 10;

function snapshot(id: string, status: YtModerationStatus): RemoteSnapshot {
  return { remoteId: id, state: remoteStateOf(status), version: null, reportCount: status === 'heldForReview' || status === 'likelySpam' ? 1 : 0, authorBanned: null };
}

/**
 * The top comment's status if its thread is in the listing. A thread is listed when the top
 * comment or any reply has the status, so the status is read from the top comment itself.
 */
async function inListing(client: YoutubeClient, videoId: string, threadId: string, status: 'heldForReview' | 'likelySpam' | 'published'): Promise<YtModerationStatus | null | ReadStateOutcome> {
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await client.call('commentThreads.list', { part: 'snippet', videoId, moderationStatus: status, maxResults: '100', ...(pageToken ? { pageToken } : {}) });
    if (!result.ok) return result.failure;
    const parsed = threadPageSchema.safeParse(result.body);
    if (!parsed.success) return null;
    for (const entry of parsed.data.items) {
      const thread = commentThreadSchema.safeParse(entry);
      if (thread.success && thread.data.id === threadId) return thread.data.snippet.topLevelComment.snippet.moderationStatus ?? status;
    }
    pageToken = parsed.data.nextPageToken;
    if (!pageToken) return null;
  }
  return null;
}

export async function readCommentState(client: YoutubeClient, target: ActionTarget): Promise<ReadStateOutcome> {
  const id = target.remoteId;
  const lookup = await client.call('comments.list', { part: 'snippet', id, textFormat: 'plainText' });
  if (!lookup.ok) return lookup.failure;
  const page = commentPageSchema.safeParse(lookup.body);
  const found = page.success ? page.data.items.map((i) => commentSchema.safeParse(i)).find((p) => p.success && p.data.id === id) : undefined;
  if (!found?.success) return { status: 'not_found' };
  const comment = found.data;
  if (comment.snippet.moderationStatus) return { status: 'ok', snapshot: snapshot(id, comment.snippet.moderationStatus) };
  if (comment.snippet.parentId) {
    const replies = await client.call('comments.list', { part: 'snippet', parentId: comment.snippet.parentId, maxResults: '100', textFormat: 'plainText' });
    if (!replies.ok) return replies.failure;
    const list = commentPageSchema.safeParse(replies.body);
    const mine = list.success ? list.data.items.map((i) => commentSchema.safeParse(i)).find((p) => p.success && p.data.id === id) : undefined;
    const status = mine?.success ? mine.data.snippet.moderationStatus : undefined;
    return { status: 'ok', snapshot: snapshot(id, status ?? 'rejected') };
  }
  const videoId = comment.snippet.videoId ?? target.community.remoteId;
  for (const status of ['heldForReview', 'likelySpam', 'published'] as const) {
    const member = await inListing(client, videoId, id, status);
    if (member === null) continue;
    if (typeof member === 'object') return member;
    return { status: 'ok', snapshot: snapshot(id, member) };
  }
  return { status: 'ok', snapshot: snapshot(id, 'rejected') };
}

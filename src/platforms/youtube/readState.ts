// Read-before-write for YouTube. The API does not return moderationStatus for comments fetched by
// id (discovery doc, CommentSnippet.moderationStatus), so the status is found by membership:
// comments.list?id= proves the comment exists; then its thread is looked for in the video's
// heldForReview, likelySpam and published listings (a reply: its parent's reply list, which
// carries the status). Visible by id but in none of them means rejected. Costs a few units; the
// sync engine needs it only after an ambiguous failure, and YouTube writes are idempotent anyway.
// A page that does not parse proves nothing: it becomes a retry, never "not found" or "rejected",
// which would mark a remove done unapplied or send an approve again.
import type { ActionTarget, ReadStateOutcome, RemoteSnapshot } from '../platform.ts';
import type { YoutubeClient } from './client.ts';
import { retryAfter, TRANSIENT_RETRY_SECONDS } from './classify.ts';
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
type Now = () => Date;

const unreadable = (now: Now, what: string): ReadStateOutcome =>
  retryAfter(now(), TRANSIENT_RETRY_SECONDS, `YouTube sent ${what} that Stoa cannot read, so the comment's state is unknown for now.`, true);

/** An entry's id as sent, read without the schema (a broken entry may still name itself). */
const idAsSent = (entry: unknown): unknown => (typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined);

/** Whether a broken entry might be the one we look for: it names it, or names nothing readable. */
const mayBe = (entry: unknown, id: string): boolean => {
  const sent = idAsSent(entry);
  return sent === id || typeof sent !== 'string';
};

async function inListing(client: YoutubeClient, now: Now, videoId: string, threadId: string, status: 'heldForReview' | 'likelySpam' | 'published'): Promise<YtModerationStatus | null | ReadStateOutcome> {
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await client.call('commentThreads.list', { part: 'snippet', videoId, moderationStatus: status, maxResults: '100', ...(pageToken ? { pageToken } : {}) });
    if (!result.ok) return result.failure;
    const parsed = threadPageSchema.safeParse(result.body);
    if (!parsed.success) return unreadable(now, `a malformed ${status} listing`);
    for (const entry of parsed.data.items) {
      const thread = commentThreadSchema.safeParse(entry);
      if (!thread.success && mayBe(entry, threadId)) return unreadable(now, `a broken entry in the ${status} listing`);
      if (thread.success && thread.data.id === threadId) return thread.data.snippet.topLevelComment.snippet.moderationStatus ?? status;
    }
    pageToken = parsed.data.nextPageToken;
    if (!pageToken) return null;
  }
  return null;
}

export async function readCommentState(client: YoutubeClient, target: ActionTarget, now: Now): Promise<ReadStateOutcome> {
  const id = target.remoteId;
  const lookup = await client.call('comments.list', { part: 'snippet', id, textFormat: 'plainText' });
  if (!lookup.ok) return lookup.failure;
  const page = commentPageSchema.safeParse(lookup.body);
  if (!page.success) return unreadable(now, 'a malformed comment lookup');
  if (page.data.items.some((i) => !commentSchema.safeParse(i).success && mayBe(i, id))) return unreadable(now, 'a broken comment in the lookup');
  const found = page.data.items.map((i) => commentSchema.safeParse(i)).find((p) => p.success && p.data.id === id);
  if (!found?.success) return { status: 'not_found' };
  const comment = found.data;
  if (comment.snippet.moderationStatus) return { status: 'ok', snapshot: snapshot(id, comment.snippet.moderationStatus) };
  if (comment.snippet.parentId) {
    const replies = await client.call('comments.list', { part: 'snippet', parentId: comment.snippet.parentId, maxResults: '100', textFormat: 'plainText' });
    if (!replies.ok) return replies.failure;
    const list = commentPageSchema.safeParse(replies.body);
    if (!list.success) return unreadable(now, 'a malformed reply list');
    if (list.data.items.some((i) => !commentSchema.safeParse(i).success && mayBe(i, id))) return unreadable(now, 'a broken reply in the reply list');
    const mine = list.data.items.map((i) => commentSchema.safeParse(i)).find((p) => p.success && p.data.id === id);
    const status = mine?.success ? mine.data.snippet.moderationStatus : undefined;
    return { status: 'ok', snapshot: snapshot(id, status ?? 'rejected') };
  }
  const videoId = comment.snippet.videoId ?? target.community.remoteId;
  for (const status of ['heldForReview', 'likelySpam', 'published'] as const) {
    const member = await inListing(client, now, videoId, id, status);
    if (member === null) continue;
    if (typeof member === 'object') return member;
    return { status: 'ok', snapshot: snapshot(id, member) };
  }
  return { status: 'ok', snapshot: snapshot(id, 'rejected') };
}

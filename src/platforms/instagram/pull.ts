// Pull for Instagram's "comments" queue: there is no moderation queue, so the walk goes over the
// account's media (GET /{ig-user-id}/media) and, media by media, their comments
// (GET /{media-id}/comments), one Graph page per pull. Each comment carries the first page of its
// replies; a longer thread is finished through GET /{comment-id}/replies before the walk moves on.
// The cursor is ours: the media still to visit on the current media page, the media-list cursor,
// the comment cursor of the head media and the reply pages still to read, base64url JSON. A cursor
// we cannot read restarts the walk (re-reading is harmless).
import { z } from 'zod';
import type { PullOutcome, PullRequest, QuarantinedPayload, RemoteItem } from '../platform.ts';
import type { GraphClient } from './client.ts';
import { authorsOf, mapComments, mapMediaList, mediaRef, type MediaRef, type ReplyPage } from './map.ts';
import { pageSchema } from './wire.ts';

export const PAGE_SIZE = { default: 25, max: 50 } as const;
const REPLY_FIELDS = 'id,text,timestamp,username,like_count,hidden,parent_id,from{id,username}';
export const COMMENT_FIELDS = `${REPLY_FIELDS},replies{id,text,timestamp,username,like_count,hidden,parent_id}`;
const MEDIA_FIELDS = 'id,caption,comments_count,timestamp,permalink,media_type';

const cursorSchema = z.object({
  pending: z.array(z.object({ id: z.string(), name: z.string() })),
  mediaAfter: z.string().nullable(),
  mediaDone: z.boolean(),
  commentAfter: z.string().nullable(),
  // Absent in cursors written before reply threads were followed.
  replyPages: z.array(z.object({ commentId: z.string(), after: z.string(), media: z.object({ id: z.string(), name: z.string() }) })).default([]),
});
type WalkCursor = z.infer<typeof cursorSchema>;

const START: WalkCursor = { pending: [], mediaAfter: null, mediaDone: false, commentAfter: null, replyPages: [] };

function decode(cursor: string | null): WalkCursor {
  if (cursor === null) return START;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : START;
  } catch {
    return START;
  }
}

const encode = (c: WalkCursor): string | null =>
  c.pending.length === 0 && c.mediaDone && c.replyPages.length === 0 ? null : Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');

function emptyPage(nextCursor: string | null, quarantined: QuarantinedPayload[] = []): PullOutcome {
  return { status: 'ok', page: { items: [], authors: [], reports: [], nextCursor, quarantined } };
}

export async function pullComments(client: GraphClient, igUserId: string, request: PullRequest): Promise<PullOutcome> {
  if (request.queue !== 'comments') return { status: 'permanent_failure', code: 'unsupported_queue', reason: `Instagram has no "${request.queue}" queue; it offers comments per post.` };
  const limit = Math.min(PAGE_SIZE.max, Math.max(1, Math.floor(request.limit ?? PAGE_SIZE.default)));
  const state: WalkCursor = { ...decode(request.cursor) };
  const thread = state.replyPages[0];
  if (thread) return pullReplies(client, state, thread, limit);
  const quarantined: QuarantinedPayload[] = [];
  if (state.pending.length === 0) {
    const result = await client.call('GET', `${igUserId}/media`, { fields: MEDIA_FIELDS, limit: '25', ...(state.mediaAfter ? { after: state.mediaAfter } : {}) });
    if (!result.ok) return result.failure;
    const page = pageSchema.safeParse(result.body);
    if (!page.success) return emptyPage(null, [{ payload: result.body, error: 'Instagram media page failed validation' }]);
    const mapped = mapMediaList(page.data.data);
    quarantined.push(...mapped.quarantined);
    state.pending = mapped.media.filter((m) => m.comments_count === undefined || m.comments_count > 0).map(mediaRef);
    state.mediaAfter = page.data.paging?.next ? (page.data.paging.cursors?.after ?? null) : null;
    state.mediaDone = state.mediaAfter === null;
    state.commentAfter = null;
    if (state.pending.length === 0) return emptyPage(encode(state), quarantined);
  }
  const media: MediaRef | undefined = state.pending[0];
  if (!media) return emptyPage(null, quarantined);
  const result = await client.call('GET', `${media.id}/comments`, { fields: COMMENT_FIELDS, limit: String(limit), ...(state.commentAfter ? { after: state.commentAfter } : {}) });
  if (!result.ok) {
    // The post was deleted while we walked: skip it rather than stall the walk on it.
    if (result.error?.code === 100 && result.error.error_subcode === 33) return emptyPage(encode({ ...state, pending: state.pending.slice(1), commentAfter: null }), quarantined);
    // An expired comment cursor: start this post again.
    if (result.error?.code === 100 && state.commentAfter !== null) return emptyPage(encode({ ...state, commentAfter: null }), quarantined);
    return result.failure;
  }
  const page = pageSchema.safeParse(result.body);
  let items: RemoteItem[] = [];
  let replyPages: ReplyPage[] = [];
  if (page.success) {
    const mapped = mapComments(page.data.data, media);
    items = mapped.items;
    replyPages = mapped.replyPages;
    quarantined.push(...mapped.quarantined);
  } else {
    quarantined.push({ payload: result.body, error: 'Instagram comment page failed validation' });
  }
  const more = page.success && page.data.paging?.next && page.data.paging.cursors?.after;
  const advanced: WalkCursor = more ? { ...state, commentAfter: page.data.paging?.cursors?.after ?? null } : { ...state, pending: state.pending.slice(1), commentAfter: null };
  // Long reply threads of this page are read next, before the walk goes on.
  const next: WalkCursor = { ...advanced, replyPages: replyPages.map((r) => ({ ...r, media })) };
  return {
    status: 'ok',
    page: {
      items,
      authors: authorsOf(items),
      reports: [],
      nextCursor: encode(next),
      quarantined,
    },
  };
}

/** One page of a long reply thread (GET /{comment-id}/replies), oldest first as Instagram shows it. */
async function pullReplies(client: GraphClient, state: WalkCursor, thread: WalkCursor['replyPages'][number], limit: number): Promise<PullOutcome> {
  const rest = state.replyPages.slice(1);
  const result = await client.call('GET', `${thread.commentId}/replies`, { fields: REPLY_FIELDS, limit: String(limit), after: thread.after });
  if (!result.ok) {
    // The parent was deleted, or its cursor expired: the thread's first page is stored already, and
    // the next full walk reads the rest again; do not stall the walk on it.
    if (result.error?.code === 100) return emptyPage(encode({ ...state, replyPages: rest }));
    return result.failure;
  }
  const page = pageSchema.safeParse(result.body);
  if (!page.success) return emptyPage(encode({ ...state, replyPages: rest }), [{ payload: result.body, error: 'Instagram reply page failed validation' }]);
  const mapped = mapComments(page.data.data, thread.media, thread.commentId);
  const after = page.data.paging?.next ? page.data.paging.cursors?.after : undefined;
  const replyPages = after ? [{ ...thread, after }, ...rest] : rest;
  return { status: 'ok', page: { items: mapped.items, authors: authorsOf(mapped.items), reports: [], nextCursor: encode({ ...state, replyPages }), quarantined: mapped.quarantined } };
}

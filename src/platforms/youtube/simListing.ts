// commentThreads.list and comments.list for the YouTube simulator. Page tokens anchor to the sort
// key of the last item served, so a walk stays correct when items leave the queue between pages
// (another moderator acted) or arrive at its head; a garbled or foreign token gets 400
// invalidPageToken as on the real API.
import type { SimReply } from '../sim/types.ts';
import { commentResource, decodePageToken, encodePageToken, googleError, threadResource } from './simRender.ts';
import { compareKeys, type SimComment, type SimThread, type SortKey, type YoutubeSimState } from './simState.ts';
import type { YtModerationStatus } from './wire.ts';

const THREAD_PARTS = new Set(['id', 'snippet', 'replies']);
const COMMENT_PARTS = new Set(['id', 'snippet']);

function parseParts(query: URLSearchParams, allowed: ReadonlySet<string>): Set<string> | SimReply {
  const parts = new Set((query.get('part') ?? '').split(',').map((p) => p.trim()).filter(Boolean));
  for (const p of parts) {
    if (!allowed.has(p)) return googleError(400, 'invalidPart', `The part parameter specifies an invalid value: ${p}`, { domain: 'youtube.part', location: 'part' });
  }
  return parts;
}

function pageAfter<T>(sorted: readonly T[], key: (item: T) => SortKey, anchor: SortKey | null, size: number): { page: T[]; more: boolean } {
  const start = anchor === null ? 0 : sorted.findIndex((item) => compareKeys(key(item), anchor) > 0);
  if (start < 0) return { page: [], more: false };
  const page = sorted.slice(start, start + size);
  return { page, more: start + size < sorted.length };
}

/** Breaks one entry the way a drifting or truncated payload would (fault `malformed_payload`). */
function corrupt(items: Record<string, unknown>[]): void {
  const victim = items[Math.floor(items.length / 2)];
  if (victim) victim['snippet'] = { topLevelComment: { kind: 'youtube#comment', id: victim['id'], snippet: { publishedAt: 'yesterday' } } };
}

export function listCommentThreads(state: YoutubeSimState, query: URLSearchParams, malformed: boolean): SimReply {
  const parts = parseParts(query, THREAD_PARTS);
  if (!(parts instanceof Set)) return parts;
  const filters = ['videoId', 'allThreadsRelatedToChannelId', 'channelId', 'id'].filter((f) => query.has(f));
  if (filters.length !== 1) {
    return googleError(400, filters.length === 0 ? 'missingRequiredParameter' : 'incompatibleParameters', 'Exactly one of videoId, allThreadsRelatedToChannelId or id must be given.', { domain: 'youtube.parameter' });
  }
  const status = (query.get('moderationStatus') ?? 'published') as YtModerationStatus;
  const plainText = query.get('textFormat') === 'plainText';
  if (query.has('id')) {
    if (query.has('moderationStatus') || query.has('maxResults') || query.has('pageToken')) {
      return googleError(400, 'incompatibleParameters', 'The id filter cannot be combined with moderationStatus, maxResults or pageToken.', { domain: 'youtube.parameter' });
    }
    const ids = (query.get('id') ?? '').split(',');
    const threads = ids.map((id) => state.threads.get(id)).filter((t): t is SimThread => t !== undefined && state.live(t.id) !== undefined);
    return { status: 200, body: { kind: 'youtube#commentThreadListResponse', pageInfo: { totalResults: threads.length, resultsPerPage: threads.length }, items: threads.map((t) => threadResource(state, t, parts, { plainText, withStatus: false, avatarUrl: state.avatarUrl })) } };
  }
  const videoId = query.get('videoId');
  const channel = query.get('allThreadsRelatedToChannelId') ?? query.get('channelId');
  if (videoId !== null && !state.videos.has(videoId)) {
    return googleError(404, 'videoNotFound', 'The video identified by the videoId parameter could not be found.', { domain: 'youtube.commentThread', location: 'videoId' });
  }
  if (channel !== null && channel !== state.channelId && status !== 'published') {
    // Held and spam queues are visible only to the owner of the channel.
    return googleError(403, 'forbidden', 'The comment thread could not be retrieved due to insufficient permissions.', { domain: 'youtube.commentThread' });
  }
  const terms = query.get('searchTerms')?.toLowerCase() ?? null;
  const fingerprint = [videoId ?? '', channel ?? '', status, terms ?? ''].join('|');
  const anchor = query.has('pageToken') ? decodePageToken(query.get('pageToken') ?? '', fingerprint) : null;
  if (query.has('pageToken') && anchor === null) {
    return googleError(400, 'invalidPageToken', 'The request specifies an invalid page token.', { domain: 'youtube.parameter', location: 'pageToken' });
  }
  const size = Number(query.get('maxResults') ?? 20);
  const { page, more } = state.threadPage(anchor, size, (t) =>
    (videoId === null || t.videoId === videoId) &&
    state.threadMatches(t, status) &&
    (terms === null || (state.comments.get(t.id)?.text.toLowerCase().includes(terms) ?? false)),
  );
  const items = page.map((t) => threadResource(state, t, parts, { plainText, withStatus: true, avatarUrl: state.avatarUrl }));
  if (malformed) corrupt(items);
  const last = page[page.length - 1];
  return {
    status: 200,
    body: {
      kind: 'youtube#commentThreadListResponse',
      etag: `"page/${page.length}"`,
      ...(more && last ? { nextPageToken: encodePageToken(fingerprint, state.sortKey(last)) } : {}),
      // commentThreads reports the count of this page, not of the whole listing.
      pageInfo: { totalResults: page.length, resultsPerPage: size },
      items,
    },
  };
}

export function listComments(state: YoutubeSimState, query: URLSearchParams, malformed: boolean): SimReply {
  const parts = parseParts(query, COMMENT_PARTS);
  if (!(parts instanceof Set)) return parts;
  if (query.has('id') === query.has('parentId')) {
    return googleError(400, query.has('id') ? 'incompatibleParameters' : 'missingRequiredParameter', 'Exactly one of id or parentId must be given.', { domain: 'youtube.parameter' });
  }
  const plainText = query.get('textFormat') === 'plainText';
  if (query.has('id')) {
    // Lookups by id omit moderationStatus (discovery document, CommentSnippet.moderationStatus).
    const found = (query.get('id') ?? '').split(',').map((id) => state.live(id)).filter((c): c is SimComment => c !== undefined);
    const items = found.map((c) => commentResource(c, state.channelId, { plainText, withStatus: false, avatarUrl: state.avatarUrl }));
    if (malformed && items[0]) items[0]['snippet'] = { textDisplay: 42 };
    return { status: 200, body: { kind: 'youtube#commentListResponse', pageInfo: { totalResults: items.length, resultsPerPage: items.length }, items } };
  }
  const parentId = query.get('parentId') ?? '';
  const thread = state.threads.get(parentId);
  if (!thread || !state.live(parentId)) return googleError(404, 'commentNotFound', 'The comment identified by the parentId parameter could not be found.', { location: 'parentId' });
  const fingerprint = `replies|${parentId}`;
  const anchor = query.has('pageToken') ? decodePageToken(query.get('pageToken') ?? '', fingerprint) : null;
  if (query.has('pageToken') && anchor === null) return googleError(400, 'invalidPageToken', 'The request specifies an invalid page token.', { domain: 'youtube.parameter', location: 'pageToken' });
  const key = (c: SimComment): SortKey => [c.publishedAt, c.id];
  const replies = thread.replyIds.map((id) => state.live(id)).filter((c): c is SimComment => c !== undefined);
  replies.sort((a, b) => compareKeys(key(a), key(b)));
  const size = Number(query.get('maxResults') ?? 20);
  const { page, more } = pageAfter(replies, key, anchor, size);
  const items = page.map((c) => commentResource(c, state.channelId, { plainText, withStatus: true, avatarUrl: state.avatarUrl }));
  if (malformed && items[0]) items[0]['snippet'] = { textDisplay: 42 };
  const last = page[page.length - 1];
  return { status: 200, body: { kind: 'youtube#commentListResponse', ...(more && last ? { nextPageToken: encodePageToken(fingerprint, key(last)) } : {}), pageInfo: { totalResults: replies.length, resultsPerPage: size }, items } };
}

// How the YouTube simulator speaks: Google's error envelope, comment/thread resources, and the
// opaque page tokens. Kept apart from the routing so each file reads top to bottom.
import type { SimReply } from '../sim/types.ts';
import type { SimComment, SimThread, SortKey, YoutubeSimState } from './simState.ts';

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

export function googleError(
  code: number,
  reason: string,
  message: string,
  extra: { domain?: string; location?: string; headers?: Record<string, string> } = {},
): SimReply {
  const error = {
    code,
    message,
    errors: [
      {
        message,
        domain: extra.domain ?? 'youtube.comment',
        reason,
        ...(extra.location ? { location: extra.location, locationType: 'parameter' } : {}),
      },
    ],
    status: STATUS_TEXT[code] ?? 'UNKNOWN',
  };
  return { status: code, headers: { 'content-type': 'application/json; charset=UTF-8', ...extra.headers }, body: { error } };
}

export const quotaExceeded = (): SimReply =>
  googleError(403, 'quotaExceeded', 'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.', { domain: 'youtube.quota' });

export const authError = (): SimReply =>
  googleError(401, 'authError', 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.', {
    domain: 'global',
    location: 'Authorization',
    headers: { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
  });

function plain(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export interface RenderOptions {
  readonly plainText: boolean;
  /** False for lookups by id: the discovery document says moderationStatus is then not set. */
  readonly withStatus: boolean;
  /** The author's profile picture URL (served by the sim host). */
  readonly avatarUrl: (authorChannelId: string) => string;
}

export function commentResource(c: SimComment, channelId: string, opts: RenderOptions): Record<string, unknown> {
  return {
    kind: 'youtube#comment',
    etag: `"${c.id.slice(-8)}/${c.updatedAt}"`,
    id: c.id,
    snippet: {
      channelId,
      videoId: c.videoId,
      textDisplay: opts.plainText ? plain(c.text) : c.text,
      textOriginal: plain(c.text),
      ...(c.parentId ? { parentId: c.parentId } : {}),
      authorDisplayName: c.authorName,
      authorProfileImageUrl: opts.avatarUrl(c.authorChannelId),
      authorChannelUrl: `http://www.youtube.com/channel/${c.authorChannelId}`,
      authorChannelId: { value: c.authorChannelId },
      canRate: true,
      viewerRating: 'none',
      likeCount: c.likeCount,
      ...(opts.withStatus ? { moderationStatus: c.status } : {}),
      publishedAt: c.publishedAt,
      updatedAt: c.updatedAt,
    },
  };
}

/** A thread with its top comment and at most 5 replies: the API's `replies` are only a sample. */
export function threadResource(state: YoutubeSimState, thread: SimThread, parts: ReadonlySet<string>, opts: RenderOptions): Record<string, unknown> {
  const top = state.comments.get(thread.id);
  const replies = thread.replyIds.map((id) => state.live(id)).filter((c): c is SimComment => c !== undefined);
  const resource: Record<string, unknown> = { kind: 'youtube#commentThread', etag: `"t/${thread.id.slice(-8)}"`, id: thread.id };
  if (parts.has('snippet') && top) {
    resource['snippet'] = {
      channelId: state.channelId,
      videoId: thread.videoId,
      topLevelComment: commentResource(top, state.channelId, opts),
      canReply: true,
      totalReplyCount: replies.length,
      isPublic: true,
    };
  }
  if (parts.has('replies') && replies.length > 0) {
    resource['replies'] = { comments: replies.slice(0, 5).map((c) => commentResource(c, state.channelId, opts)) };
  }
  return resource;
}

/** Page tokens carry the sort key of the last item served plus a fingerprint of the filter. */
export function encodePageToken(filter: string, key: SortKey): string {
  return Buffer.from(JSON.stringify({ f: filter, k: key }), 'utf8').toString('base64url');
}

export function decodePageToken(token: string, filter: string): SortKey | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { f, k } = parsed as { f?: unknown; k?: unknown };
    if (f !== filter || !Array.isArray(k) || k.length !== 2) return null;
    const [at, id] = k as unknown[];
    return typeof at === 'string' && typeof id === 'string' ? [at, id] : null;
  } catch {
    return null;
  }
}

// The media read side of the Instagram connector, for compliance audits: a creator's posts as
// published — GET /{ig-user-id}/media?fields=caption,permalink,timestamp,media_type,media_url,
// children{…} (PLATFORMS.md §4), walked page by page through Graph cursor paging, optionally within
// since/until. A post that fails validation is quarantined with its error, never fatal to the walk.
import { z } from 'zod';
import type { CallFailure, QuarantinedPayload } from '../platform.ts';
import type { GraphClient } from './client.ts';
import { pageSchema } from './wire.ts';

export const MEDIA_READ_FIELDS = 'id,caption,permalink,timestamp,media_type,media_url,thumbnail_url,username,children{id,media_type,media_url}';

const childSchema = z.object({ id: z.string().min(1), media_type: z.string().optional(), media_url: z.string().optional() });
export const mediaPostSchema = z.object({
  id: z.string().min(1),
  caption: z.string().optional(),
  permalink: z.string().optional(),
  timestamp: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})$/),
  media_type: z.string().optional(),
  media_url: z.string().optional(),
  thumbnail_url: z.string().optional(),
  username: z.string().optional(),
  children: z.object({ data: z.array(childSchema) }).optional(),
});

export interface InstagramMediaPost {
  readonly id: string;
  readonly caption: string;
  readonly permalink: string | null;
  /** ISO 8601 with a colon in the offset (Graph writes +0000). */
  readonly timestamp: string;
  readonly mediaType: string | null;
  readonly username: string | null;
  /** The post's media: its own URL, or each carousel child's. */
  readonly mediaUrls: string[];
}

export type MediaReadOutcome = { readonly status: 'ok'; readonly posts: InstagramMediaPost[]; readonly quarantined: QuarantinedPayload[] } | CallFailure;

export interface MediaReadOptions {
  /** Unix seconds or ISO; Graph's `since` / `until` on the media edge. */
  readonly since?: string;
  readonly until?: string;
  /** Stop after this many pages (a creator with years of posts; default 40 pages of 50). */
  readonly maxPages?: number;
  /** Posts per page (Graph's `limit`, at most 50). */
  readonly pageSize?: number;
}

function toPost(m: z.infer<typeof mediaPostSchema>): InstagramMediaPost {
  const children = (m.children?.data ?? []).map((c) => c.media_url).filter((u): u is string => typeof u === 'string');
  const own = m.media_url ?? m.thumbnail_url;
  return {
    id: m.id,
    caption: m.caption ?? '',
    permalink: m.permalink ?? null,
    timestamp: m.timestamp.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'),
    mediaType: m.media_type ?? null,
    username: m.username ?? null,
    mediaUrls: children.length > 0 ? children : own ? [own] : [],
  };
}

export async function readMedia(client: GraphClient, igUserId: string, options: MediaReadOptions = {}): Promise<MediaReadOutcome> {
  const posts: InstagramMediaPost[] = [];
  const quarantined: QuarantinedPayload[] = [];
  let after: string | undefined;
  for (let page = 0; page < (options.maxPages ?? 40); page += 1) {
    const params: Record<string, string> = { fields: MEDIA_READ_FIELDS, limit: String(Math.min(50, Math.max(1, options.pageSize ?? 50))) };
    if (options.since !== undefined) params['since'] = options.since;
    if (options.until !== undefined) params['until'] = options.until;
    if (after !== undefined) params['after'] = after;
    const result = await client.call('GET', `${igUserId}/media`, params);
    if (!result.ok) return result.failure;
    const parsed = pageSchema.safeParse(result.body);
    if (!parsed.success) return { status: 'ok', posts, quarantined: [...quarantined, { payload: result.body, error: 'Instagram media page failed validation' }] };
    for (const raw of parsed.data.data) {
      const m = mediaPostSchema.safeParse(raw);
      if (m.success) posts.push(toPost(m.data));
      else quarantined.push({ payload: raw, error: `Instagram media failed validation: ${m.error.issues[0]?.message ?? 'invalid'}` });
    }
    after = parsed.data.paging?.cursors?.after;
    if (parsed.data.paging?.next === undefined || after === undefined) break;
  }
  return { status: 'ok', posts, quarantined };
}

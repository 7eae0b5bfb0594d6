// The video read side of the YouTube connector, for compliance audits: a channel's uploads as
// published, with full titles and descriptions. YouTube has no "videos of a channel" call that is
// cheap and complete (search.list costs 100 units and misses videos), so this walks the documented
// path: channels.list?part=contentDetails → the uploads playlist → playlistItems.list page by page
// (newest first, stopping once past `since`) → videos.list?id=… in batches of 50 for the snippet
// and the paid-product-placement flag. Each call costs 1 unit. A video that fails validation is
// quarantined with its error, never fatal to the walk.
import { z } from 'zod';
import type { CallFailure, QuarantinedPayload } from '../platform.ts';
import type { YoutubeClient } from './client.ts';

const channelSchema = z.object({ items: z.array(z.object({ id: z.string(), contentDetails: z.object({ relatedPlaylists: z.object({ uploads: z.string().min(1) }) }) })).default([]) });
const playlistPageSchema = z.object({
  nextPageToken: z.string().optional(),
  items: z.array(z.object({ contentDetails: z.object({ videoId: z.string().min(1), videoPublishedAt: z.string().optional() }) })).default([]),
});
const thumbSchema = z.object({ url: z.string() });
export const videoSchema = z.object({
  id: z.string().min(1),
  snippet: z.object({
    publishedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/),
    channelId: z.string(),
    channelTitle: z.string().optional(),
    title: z.string(),
    description: z.string().default(''),
    thumbnails: z.record(z.string(), thumbSchema).optional(),
  }),
  // Current API (not in the 2018 discovery document): the creator's "includes paid promotion" box.
  paidProductPlacementDetails: z.object({ hasPaidProductPlacement: z.boolean().optional() }).optional(),
});
const videoPageSchema = z.object({ items: z.array(z.unknown()).default([]) });

export interface YoutubeVideoPost {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly publishedAt: string;
  readonly channelId: string;
  readonly channelTitle: string | null;
  readonly permalink: string;
  /** The largest thumbnail YouTube offers for the video, when it offers one. */
  readonly thumbnailUrl: string | null;
  readonly paidProductPlacement: boolean;
}

export type VideoReadOutcome = { readonly status: 'ok'; readonly posts: YoutubeVideoPost[]; readonly quarantined: QuarantinedPayload[] } | CallFailure;

export interface VideoReadOptions {
  /** Unix seconds or ISO; videos published before it end the walk (the playlist is newest first). */
  readonly since?: string;
  readonly until?: string;
  /** Stop after this many playlist pages of 50 (default 20: 1,000 videos). */
  readonly maxPages?: number;
}

const THUMB_ORDER = ['maxres', 'standard', 'high', 'medium', 'default'];
const toMs = (v: string): number => (/^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v));

function toPost(v: z.infer<typeof videoSchema>): YoutubeVideoPost {
  const thumbs = v.snippet.thumbnails ?? {};
  const best = THUMB_ORDER.map((k) => thumbs[k]?.url).find((u): u is string => typeof u === 'string') ?? null;
  return {
    id: v.id,
    title: v.snippet.title,
    description: v.snippet.description,
    publishedAt: v.snippet.publishedAt,
    channelId: v.snippet.channelId,
    channelTitle: v.snippet.channelTitle ?? null,
    permalink: `https://www.youtube.com/watch?v=${v.id}`,
    thumbnailUrl: best,
    paidProductPlacement: v.paidProductPlacementDetails?.hasPaidProductPlacement === true,
  };
}

const malformed = (what: string): CallFailure => ({ status: 'permanent_failure', code: 'malformed_response', reason: `YouTube sent a ${what} this version of Stoa cannot read.` });

export async function readChannelVideos(client: YoutubeClient, channelId: string, options: VideoReadOptions = {}): Promise<VideoReadOutcome> {
  const since = options.since === undefined ? null : toMs(options.since);
  const until = options.until === undefined ? null : toMs(options.until);
  const channel = await client.call('channels.list', { part: 'contentDetails', id: channelId });
  if (!channel.ok) return channel.failure;
  const parsedChannel = channelSchema.safeParse(channel.body);
  if (!parsedChannel.success) return malformed('channel');
  const uploads = parsedChannel.data.items.find((c) => c.id === channelId)?.contentDetails.relatedPlaylists.uploads;
  if (!uploads) return { status: 'permanent_failure', code: 'unknown_channel', reason: `YouTube has no channel ${channelId}.` };

  const ids: string[] = [];
  let pageToken: string | undefined;
  walk: for (let page = 0; page < (options.maxPages ?? 20); page += 1) {
    const result = await client.call('playlistItems.list', { part: 'contentDetails', playlistId: uploads, maxResults: '50', ...(pageToken ? { pageToken } : {}) });
    if (!result.ok) return result.failure;
    const parsed = playlistPageSchema.safeParse(result.body);
    if (!parsed.success) return malformed('playlist page');
    for (const item of parsed.data.items) {
      const at = item.contentDetails.videoPublishedAt === undefined ? null : Date.parse(item.contentDetails.videoPublishedAt);
      if (since !== null && at !== null && at < since) break walk;
      if (until !== null && at !== null && at > until) continue;
      ids.push(item.contentDetails.videoId);
    }
    pageToken = parsed.data.nextPageToken;
    if (!pageToken) break;
  }

  const posts: YoutubeVideoPost[] = [];
  const quarantined: QuarantinedPayload[] = [];
  for (let i = 0; i < ids.length; i += 50) {
    const batch = ids.slice(i, i + 50);
    const result = await client.call('videos.list', { part: 'snippet,paidProductPlacementDetails', id: batch.join(','), hl: 'en' });
    if (!result.ok) return result.failure;
    const parsed = videoPageSchema.safeParse(result.body);
    if (!parsed.success) return malformed('video list');
    for (const raw of parsed.data.items) {
      const video = videoSchema.safeParse(raw);
      if (!video.success) {
        quarantined.push({ payload: raw, error: `video does not match the expected shape: ${video.error.issues[0]?.path.join('.') ?? ''} ${video.error.issues[0]?.message ?? ''}`.trim() });
        continue;
      }
      const at = Date.parse(video.data.snippet.publishedAt);
      if ((since !== null && at < since) || (until !== null && at > until)) continue;
      posts.push(toPost(video.data));
    }
  }
  return { status: 'ok', posts, quarantined };
}

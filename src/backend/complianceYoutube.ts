// The YouTube branch of a creator sync: a channel's uploads (title and description, the creator's
// paid-promotion box) as posts under audit. The title is kept in the caption, first line, because
// a viewer reads it before the description and a disclosure there counts as before the fold.
import type { PostContent } from '../compliance/postContent.ts';
import type { Platform } from '../platforms/index.ts';
import type { VideoReadOptions, VideoReadOutcome, YoutubeVideoPost } from '../platforms/youtube/index.ts';

export interface VideoReader {
  readVideos(channelId?: string | null, options?: VideoReadOptions): Promise<VideoReadOutcome>;
}
export const readsVideos = (p: Platform): p is Platform & VideoReader => typeof (p as Partial<VideoReader>).readVideos === 'function';

export const videoCaption = (v: Pick<YoutubeVideoPost, 'title' | 'description'>): string => (v.description === '' ? v.title : `${v.title}\n${v.description}`);

export const videoToPost = (platform: string, handle: string, v: YoutubeVideoPost): PostContent => ({
  platform,
  remoteId: v.id,
  creatorHandle: handle,
  caption: videoCaption(v),
  permalink: v.permalink,
  postedAt: new Date(v.publishedAt).toISOString(),
  mediaType: 'VIDEO',
  mediaUrls: v.thumbnailUrl === null ? [] : [v.thumbnailUrl],
  paidPartnership: v.paidProductPlacement,
  taggedProducts: [],
  taggedUsers: [],
  imageText: null,
});

// The Pinterest branch of a creator sync: a creator's pins (title, description and link as a viewer
// sees them; the images) as posts under audit. Pinterest has no product tags and its paid-partnership
// field (sponsor_id) is a closed beta the read side does not return, so both stay empty/false.
import type { PostContent } from '../compliance/postContent.ts';
import type { Platform } from '../platforms/index.ts';
import type { PinReadOptions, PinReadOutcome, PinterestPin } from '../platforms/pinterest/index.ts';

export interface PinReader {
  readPins(adAccountId?: string | null, options?: PinReadOptions): Promise<PinReadOutcome>;
}
export const readsPins = (p: Platform): p is Platform & PinReader => typeof (p as Partial<PinReader>).readPins === 'function';

export const pinToPost = (platform: string, handle: string, p: PinterestPin): PostContent => ({
  platform,
  remoteId: p.id,
  creatorHandle: handle,
  caption: p.caption,
  permalink: p.permalink,
  postedAt: p.createdAt,
  mediaType: p.mediaType === 'multiple_images' ? 'CAROUSEL_ALBUM' : p.mediaType === 'image' ? 'IMAGE' : p.mediaType,
  mediaUrls: p.mediaUrls,
  paidPartnership: false,
  taggedProducts: [],
  taggedUsers: [],
  imageText: null,
});

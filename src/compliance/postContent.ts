// What a post under audit is, as scanned: the content whose SHA-256 is recorded with every scan and
// snapshot. Kept apart from moderation items (src/store items): a post under audit is evidence
// about a creator, not something in a moderator's queue. The hash covers a canonical JSON array,
// so the same content hashes the same on every machine.
import { createHash } from 'node:crypto';

export interface TaggedProduct {
  readonly name: string;
  readonly brand?: string | null;
}

export interface PostContent {
  readonly platform: string;
  readonly remoteId: string;
  readonly creatorHandle: string;
  readonly caption: string;
  readonly permalink: string | null;
  readonly postedAt: string | null;
  readonly mediaType: string | null;
  readonly mediaUrls: readonly string[];
  /** The platform's own paid-partnership label (Instagram branded content, YouTube paid promotion). */
  readonly paidPartnership: boolean;
  readonly taggedProducts: readonly TaggedProduct[];
  /** Accounts tagged on the media (Instagram user tags). */
  readonly taggedUsers: readonly string[];
  /** Text read from the image (OCR or supplied by the export), null when none was read. */
  readonly imageText: string | null;
}

export function canonicalContent(post: PostContent): string {
  return JSON.stringify([
    post.platform,
    post.remoteId,
    post.creatorHandle,
    post.caption,
    post.permalink,
    post.postedAt,
    post.mediaType,
    [...post.mediaUrls],
    post.paidPartnership,
    post.taggedProducts.map((p) => [p.name, p.brand ?? null]),
    [...post.taggedUsers],
    post.imageText,
  ]);
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const contentHash = (post: PostContent): string => sha256Hex(canonicalContent(post));

/** The post back from its canonical JSON (as stored with each version and snapshot). */
export function contentFromCanonical(json: string): PostContent {
  const a = JSON.parse(json) as unknown[];
  const str = (i: number): string => String(a[i] ?? '');
  const strOrNull = (i: number): string | null => (a[i] === null || a[i] === undefined ? null : String(a[i]));
  const arr = (i: number): unknown[] => (Array.isArray(a[i]) ? (a[i] as unknown[]) : []);
  return {
    platform: str(0),
    remoteId: str(1),
    creatorHandle: str(2),
    caption: str(3),
    permalink: strOrNull(4),
    postedAt: strOrNull(5),
    mediaType: strOrNull(6),
    mediaUrls: arr(7).map(String),
    paidPartnership: a[8] === true,
    taggedProducts: arr(9).map((p) => {
      const [name, brand] = Array.isArray(p) ? (p as unknown[]) : [p, null];
      return { name: String(name), brand: brand === null || brand === undefined ? null : String(brand) };
    }),
    taggedUsers: arr(10).map(String),
    imageText: strOrNull(11),
  };
}

// In-memory state of the Instagram simulator: the business account's media and the comments on
// them, seeded from the ScamSpot Instagram comments (real text; the set has no authors or times,
// so handles come from the row id, as seed.ts marks, and times are spread deterministically).
import type { Rng } from '../sim/rng.ts';
import type { SeedRow } from '../sim/seed.ts';
import type { WriteRecord } from '../sim/types.ts';

export interface SimMedia {
  readonly id: string;
  readonly caption: string;
  readonly timestamp: string;
  readonly permalink: string;
  readonly mediaType: 'IMAGE' | 'CAROUSEL_ALBUM' | 'VIDEO';
  /** CDN-style URL of the image (or the cover of a video); not served by the simulator. */
  readonly mediaUrl?: string;
  readonly children?: readonly { readonly id: string; readonly mediaType: 'IMAGE' | 'VIDEO'; readonly mediaUrl: string }[];
}

/** Another professional account whose published media the simulator serves (creators under audit). */
export interface SimCreator {
  readonly igUserId: string;
  readonly username: string;
  readonly media: SimMedia[];
}

export interface SimComment {
  readonly id: string;
  readonly mediaId: string;
  /** Set for replies; Graph lists replies only under their parent (`replies` edge/field). */
  readonly parentId: string | null;
  readonly text: string;
  readonly username: string;
  readonly fromId: string;
  readonly timestamp: string;
  readonly likeCount: number;
  hidden: boolean;
  deleted: boolean;
}

const CAPTIONS = [
  'New drop is live. Which colour are you picking?',
  'Behind the scenes of this week’s shoot.',
  'Thank you for 10k! Giveaway details coming soon.',
  'Market update: what we are watching this week.',
  'Our founder on building a community-first brand.',
];

/** Graph ids are long decimal strings; a fixed prefix plus a counter keeps them deterministic. */
const graphId = (prefix: string, n: number): string => `${prefix}${String(n).padStart(10, '0')}`;

/** Graph datetimes: 2026-11-25T12:00:00+0000. */
export const graphTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');

export class InstagramSimState {
  readonly media: SimMedia[] = [];
  readonly comments = new Map<string, SimComment>();
  readonly writes: WriteRecord[] = [];
  readonly creators = new Map<string, SimCreator>();
  private commentCounter = 0;
  private byMedia: Map<string, SimComment[]> | null = null;

  constructor(
    readonly igUserId: string,
    readonly username: string,
  ) {}

  /** `mediaCount` posts over the last 60 days, comments spread over them, newest post first. */
  seed(rows: readonly SeedRow[], rng: Rng, nowMs: number, mediaCount: number, limit: number): void {
    for (let i = 0; i < mediaCount; i += 1) {
      const ts = nowMs - (i + 1) * 2 * 86_400_000 - rng.int(0, 86_400) * 1000;
      this.media.push({ id: graphId('17900', i + 1), caption: CAPTIONS[i % CAPTIONS.length] ?? '', timestamp: graphTime(ts), permalink: `https://www.instagram.com/p/SIM${i + 1}/`, mediaType: i % 4 === 3 ? 'CAROUSEL_ALBUM' : 'IMAGE' });
    }
    const topLevel: SimComment[] = [];
    for (const row of rows.slice(0, limit)) {
      // About one comment in five is a reply (scam bots love replying under real comments).
      const parent = topLevel.length > 0 && rng.chance(0.2) ? rng.pick(topLevel) : null;
      const media = parent ? this.mediaById(parent.mediaId) : rng.pick(this.media);
      if (!media) continue;
      const base = Date.parse((parent?.timestamp ?? media.timestamp).replace('+0000', 'Z'));
      const c = this.add(media.id, row.text, row.author, base + rng.int(60, 2 * 86_400) * 1000, rng.chance(0.03), parent?.id ?? null);
      if (!parent) topLevel.push(c);
    }
  }

  add(mediaId: string, text: string, username: string, atMs: number, hidden = false, parentId: string | null = null): SimComment {
    this.commentCounter += 1;
    const comment: SimComment = {
      id: graphId('17850', this.commentCounter),
      mediaId,
      parentId,
      text,
      username,
      fromId: graphId('17841', hashName(username)),
      timestamp: graphTime(atMs),
      likeCount: 0,
      hidden,
      deleted: false,
    };
    this.comments.set(comment.id, comment);
    this.byMedia = null;
    return comment;
  }

  /** Deletes a comment; deleting a comment deletes its replies too, as on Instagram. */
  remove(id: string): void {
    const c = this.comments.get(id);
    if (!c) return;
    c.deleted = true;
    if (c.parentId === null) for (const r of this.repliesOf(id)) r.deleted = true;
  }

  live(id: string): SimComment | undefined {
    const c = this.comments.get(id);
    return c && !c.deleted ? c : undefined;
  }

  mediaById(id: string): SimMedia | undefined {
    return this.media.find((m) => m.id === id) ?? this.creatorMediaById(id);
  }

  private creatorMediaById(id: string): SimMedia | undefined {
    for (const c of this.creators.values()) {
      const m = c.media.find((x) => x.id === id);
      if (m) return m;
    }
    return undefined;
  }

  /**
   * Creators' posts, one every ~3 days back from `nowMs`, newest first; every fourth a carousel of
   * three. `mediaUrl` names a media id's picture (served by the sim host, not Instagram's CDN).
   */
  seedCreators(creators: readonly { username: string; captions: readonly { caption: string; sourcePath: string | null }[] }[], rng: Rng, nowMs: number, mediaUrl: (mediaId: string) => string): void {
    let n = 0;
    creators.forEach((creator, ci) => {
      const igUserId = graphId('17841', 900_000 + ci);
      const media: SimMedia[] = creator.captions.map((c, i) => {
        n += 1;
        const id = graphId('17910', n);
        const ts = nowMs - (i + 1) * 3 * 86_400_000 - rng.int(0, 86_400) * 1000;
        const shortcode = c.sourcePath?.replace(/\//g, '') || `SIMC${n}`;
        const carousel = i % 4 === 3;
        const url = mediaUrl;
        const base = { id, caption: c.caption, timestamp: graphTime(ts), permalink: `https://www.instagram.com/p/${shortcode}/`, mediaType: carousel ? ('CAROUSEL_ALBUM' as const) : ('IMAGE' as const), mediaUrl: url(id) };
        return carousel ? { ...base, children: [1, 2, 3].map((k) => ({ id: `${id}${k}`, mediaType: 'IMAGE' as const, mediaUrl: url(`${id}${k}`) })) } : base;
      });
      this.creators.set(igUserId, { igUserId, username: creator.username, media });
    });
  }

  /** Live replies to a comment, oldest first (the order Instagram shows a conversation in). */
  repliesOf(commentId: string): SimComment[] {
    const parent = this.comments.get(commentId);
    if (!parent) return [];
    return this.sortedOf(parent.mediaId)
      .filter((c) => c.parentId === commentId && !c.deleted)
      .reverse();
  }

  /** Up to `size` live top-level comments of a media item strictly after `anchor` (newest first); `more` when another exists. */
  commentPage(mediaId: string, anchor: readonly [string, string] | null, size: number): { page: SimComment[]; more: boolean } {
    const all = this.sortedOf(mediaId);
    let lo = 0;
    if (anchor !== null) {
      let hi = all.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const c = all[mid];
        if (c && !(c.timestamp < anchor[0] || (c.timestamp === anchor[0] && c.id < anchor[1]))) lo = mid + 1;
        else hi = mid;
      }
    }
    const page: SimComment[] = [];
    for (let i = lo; i < all.length; i += 1) {
      const c = all[i];
      if (!c || c.deleted || c.parentId !== null) continue;
      if (page.length === size) return { page, more: true };
      page.push(c);
    }
    return { page, more: false };
  }

  /** Live comments of a media item, newest first, ties broken by id (a total, stable order). */
  commentsOf(mediaId: string): SimComment[] {
    return this.sortedOf(mediaId).filter((c) => !c.deleted);
  }

  /** Every comment of a media item, deleted ones included, in listing order. */
  private sortedOf(mediaId: string): readonly SimComment[] {
    if (!this.byMedia) {
      // Rebuilt only after an insert; a position never changes, so deletions just filter.
      this.byMedia = new Map();
      for (const c of this.comments.values()) {
        const list = this.byMedia.get(c.mediaId) ?? [];
        list.push(c);
        this.byMedia.set(c.mediaId, list);
      }
      for (const list of this.byMedia.values()) list.sort((a, b) => (a.timestamp !== b.timestamp ? (a.timestamp < b.timestamp ? 1 : -1) : a.id < b.id ? 1 : -1));
    }
    return this.byMedia.get(mediaId) ?? [];
  }

  countByState(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const c of this.comments.values()) {
      const key = c.deleted ? 'deleted' : c.hidden ? 'hidden' : 'visible';
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }
}

function hashName(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i += 1) h = (Math.imul(h, 31) + name.charCodeAt(i)) >>> 0;
  return h % 1_000_000_000;
}
